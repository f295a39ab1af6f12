import { createInterface } from 'node:readline'

/** Asks a yes/no question on the terminal; resolves false on anything but y/yes, or on Ctrl-C. */
export function confirm(question: string, signal: AbortSignal): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr })
  return new Promise((resolve) => {
    const done = (answer: boolean) => {
      rl.close()
      resolve(answer)
    }
    signal.addEventListener('abort', () => done(false), { once: true })
    rl.question(question, (answer) => done(/^y(es)?$/i.test(answer.trim())))
  })
}
