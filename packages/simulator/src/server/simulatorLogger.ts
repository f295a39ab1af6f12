/** Where the simulator reports what happens; every method receives one line. */
export interface SimulatorLogger {
  /** Each received message and each reply (only wanted with `--verbose`); omit to skip the formatting cost. */
  traffic?: ((line: string) => void) | undefined
  /** Lifecycle: listening, closing. */
  info(line: string): void
  /** Things that went wrong but did not stop the server: socket errors, handler exceptions, dropped datagrams. */
  warn(line: string): void
}

/** A logger that keeps quiet except for warnings, which go to stderr: the library default. */
export const quietLogger: SimulatorLogger = {
  info() {},
  warn(line) {
    console.warn(`live-sim: ${line}`)
  },
}

/**
 * A logger that prints lifecycle lines to stdout and warnings to stderr; with `verbose`, traffic too.
 *
 * @example
 * const logger = consoleLogger({ verbose: true })
 */
export function consoleLogger(options: { verbose?: boolean | undefined } = {}): SimulatorLogger {
  return {
    ...(options.verbose ? { traffic: (line: string) => console.log(line) } : {}),
    info: (line) => console.log(line),
    warn: (line) => console.warn(`live-sim: ${line}`),
  }
}
