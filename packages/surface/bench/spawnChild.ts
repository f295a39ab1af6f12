import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** A bench helper in its own Node process (under tsx), and the first line it printed (its port). */
export interface Child {
  readonly process: ChildProcess
  readonly firstLine: string
  close(): Promise<void>
}

/**
 * Starts `file` (next to this one) with `env`, resolves once it printed its first line.
 *
 * @example
 * const sim = await spawnChild('simChild.ts', { SIM_SET: 'big' })
 */
export async function spawnChild(file: string, env: Record<string, string>): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(`./${file}`, import.meta.url))], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  })
  // A bench that fails must not leave its helpers running.
  const kill = () => child.kill('SIGTERM')
  process.once('exit', kill)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130))
  const firstLine = await new Promise<string>((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code} before it started`)))
    child.stdout!.setEncoding('utf8')
    let text = ''
    child.stdout!.on('data', (chunk: string) => {
      text += chunk
      const newline = text.indexOf('\n')
      if (newline !== -1) resolve(text.slice(0, newline).trim())
    })
  })
  return {
    process: child,
    firstLine,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
