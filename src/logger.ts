import pino from 'pino';

/** The few logging calls the pipeline makes; pino's logger satisfies it, tests pass a recorder. */
export interface Logger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
}

/** A pino logger writing one JSON line per event to stderr, so that stdout stays for command output. */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger & pino.Logger {
  return pino({ level, base: undefined }, pino.destination(2));
}

/** A logger that drops everything (for tests and library use). */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
