import { runStandalone } from '../../../shared/standalone';
import { land } from './index';

void runStandalone(land);
