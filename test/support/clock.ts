import { Clock } from '../../shared/clock';
import { DEMO_UNTIL } from '../../infra/seed/demo';

/**
 * The clock every test runs on: the demo's last day, running from there at real speed, whatever
 * the machine's date. The suite's assertions about "now" (overdue, running periods, reschedules
 * at least a working day ahead) are about the demo's November 2026.
 */
export const TEST_CLOCK = Clock.startingAt(DEMO_UNTIL);
