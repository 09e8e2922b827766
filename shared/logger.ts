import pino from 'pino';

/** One JSON line per event; `service` says which process wrote it. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.JEST_WORKER_ID ? 'silent' : 'info'),
  base: { service: process.env.MOTCUA_SERVICE ?? 'motcua' },
});
