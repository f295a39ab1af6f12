import { spawn } from 'node:child_process'
import { createSocket, type Socket } from 'node:dgram'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createSimulator, type Simulator } from '@live/simulator'

/** The bundled CLI (built by globalSetup). */
export const liveBin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/live.js')

/** What a run of `live` printed and how it exited. */
export interface LiveRun {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs a program as a real subprocess to its end, with a clean environment (no colour, no TTY). */
export function runProgram(
  command: string,
  args: readonly string[],
  options: { env?: Record<string, string>; input?: string; cwd?: string } = {},
): Promise<LiveRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(options.input ?? '')
  })
}

/** Runs `node dist/live.js ...args` as a real subprocess ({@link runProgram}). */
export function runLive(
  args: readonly string[],
  options: { env?: Record<string, string>; input?: string } = {},
): Promise<LiveRun> {
  return runProgram(process.execPath, [liveBin, ...args], options)
}

import { freeUdpPort } from '@live/test-utils'

export { freeUdpPort }

/** A simulator on a free port, and the flags that point the CLI at it. */
export interface TestSim {
  sim: Simulator
  flags: string[]
  close(): Promise<void>
}

/** Starts a simulator (bridge: replies to the source port; abletonosc: replies to a chosen free port). */
export async function startSim(flavour: 'bridge' | 'abletonosc', set: 'default' | 'demo' = 'demo'): Promise<TestSim> {
  const replyPort = flavour === 'abletonosc' ? await freeUdpPort() : undefined
  const sim = await createSimulator({ flavour, port: 0, set, tickMs: 20, ...(replyPort ? { replyPort } : {}) })
  const flags = ['--port', String(sim.port), ...(replyPort ? ['--reply-port', String(replyPort)] : [])]
  return { sim, flags, close: () => sim.close() }
}

/** A UDP socket that records every datagram it receives: proves that nothing was sent. */
export async function listeningSink(): Promise<{ port: number; received: Buffer[]; close(): Promise<void> }> {
  const socket: Socket = createSocket('udp4')
  const received: Buffer[] = []
  socket.on('message', (m) => received.push(m))
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()))
  return { port: socket.address().port, received, close: () => new Promise((r) => socket.close(() => r())) }
}
