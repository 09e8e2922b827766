import { runStandalone } from '../../../shared/standalone';
import { personnel } from './index';

void runStandalone(personnel);
