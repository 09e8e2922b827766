import { runStandalone } from '../../../shared/standalone';
import { dossiers } from './index';

void runStandalone(dossiers);
