import { runStandalone } from '../../../shared/standalone';
import { feedback } from './index';

void runStandalone(feedback);
