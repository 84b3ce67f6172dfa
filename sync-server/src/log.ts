export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** One line per event; adapters log details (errno, hosts) that never reach HTTP clients. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface LogSink {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

const rank: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 };

/** Info and below go to stdout, warnings and errors to stderr, so `2>` captures what matters. */
export function createLogger(level: LogLevel, sink: LogSink): Logger {
  const at = (lineLevel: Exclude<LogLevel, 'silent'>, write: (line: string) => void) =>
    rank[lineLevel] >= rank[level]
      ? (message: string) => write(`${lineLevel}: ${message}`)
      : () => {};
  return {
    debug: at('debug', sink.out),
    info: at('info', sink.out),
    warn: at('warn', sink.err),
    error: at('error', sink.err),
  };
}

export const silentLogger: Logger = createLogger('silent', { out: () => {}, err: () => {} });
