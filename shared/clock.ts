/**
 * The time the services run at. In production it is the system's; tests and demos run on a clock
 * shifted by a fixed offset, so that a suite written against the demo's November 2026 passes
 * whatever the machine's date (Tết, mid-2027, today). The offset, not a frozen instant, is what
 * is injected: time still passes (timeouts, clocks on steps), and PostgreSQL can read the same
 * clock (`NOW_SQL`) from a setting each connection carries.
 */
export class Clock {
  constructor(readonly offsetMs = 0) {}

  /** A clock that reads `instant` now and runs at real speed from there. */
  static startingAt(instant: Date): Clock {
    return new Clock(instant.getTime() - Date.now());
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** libpq `options` that give a connection this clock's offset (read by `NOW_SQL`). */
  connectionOptions(): string | undefined {
    return this.offsetMs === 0 ? undefined : `-c motcua.clock_offset=${Math.round(this.offsetMs)}ms`;
  }
}

export const systemClock = new Clock();

/** SQL: the clock's current instant; use it instead of `now()` so a shifted clock shifts the database too. */
export const NOW_SQL = `(now() + coalesce(nullif(current_setting('motcua.clock_offset', true), ''), '0')::interval)`;
