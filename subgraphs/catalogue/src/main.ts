import { runStandalone } from '../../../shared/standalone';
import { catalogue } from './index';

void runStandalone(catalogue);
