/**
 * MCP server benchmark: time from process start to the first `tools/list` answer over stdio (the installed command: bin/live-mcp.js and its bundle)
 * beside a bare SDK server with one tool, and the overhead of `ableton_set_tempo` over the plain client
 * call against the bridge-flavour simulator, all measured in the same run.
 */
import { fileURLToPath } from 'node:url'
import { createClient } from '@live/client'
import { createSimulator } from '@live/simulator'
import { udp } from '@live/transport-udp'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js'
import { median, report } from '../../../tooling/bench/harness.js'

const RUNS = Number(process.env.BENCH_RUNS ?? 10)
const CALLS = Number(process.env.BENCH_CALLS ?? 200)
// The command as installed: bin/live-mcp.js runs the esbuild bundle (build.mjs).
const bin = fileURLToPath(new URL('../bin/live-mcp.js', import.meta.url))
const bare = fileURLToPath(new URL('./bareServer.mjs', import.meta.url))

async function connect(script: string, args: string[] = []): Promise<Client> {
  const client = new Client({ name: 'bench', version: '0.0.0' })
  await client.connect(
    new StdioClientTransport({ command: process.execPath, args: [script, ...args], stderr: 'ignore' }),
  )
  return client
}

async function timeToToolsList(script: string): Promise<number> {
  const started = performance.now()
  const client = await connect(script)
  await client.listTools()
  const elapsed = performance.now() - started
  await client.close()
  return elapsed
}

const ours: number[] = []
const baseline: number[] = []
for (let run = 0; run < RUNS; run++) {
  // Interleaved, in alternating order, so noise hits both alike.
  if (run % 2 === 0) {
    ours.push(await timeToToolsList(bin))
    baseline.push(await timeToToolsList(bare))
  } else {
    baseline.push(await timeToToolsList(bare))
    ours.push(await timeToToolsList(bin))
  }
}
report({
  group: 'MCP server start-up (ms to first tools/list over stdio)',
  name: 'live-mcp vs bare SDK server with one tool',
  figure: median(ours),
  unit: 'ms',
  betterIs: 'lower',
  baseline: { name: 'bare SDK server', figure: median(baseline) },
  target: 0.67,
  rounds: RUNS,
  note: 'target: live-mcp within 1.5 times the bare server (ratio >= 0.67)',
})

const sim = await createSimulator({ flavour: 'bridge', port: 0, set: 'demo' })
const live = createClient({
  transport: udp({
    host: '127.0.0.1',
    port: sim.port,
    replyPort: 'source',
    replySharing: 'off',
    bindAddress: '127.0.0.1',
    env: {},
  }),
})
const mcp = await connect(bin, ['--host', '127.0.0.1', '--port', String(sim.port), '--reply-port', 'source'])
const perCall = async (fn: (i: number) => Promise<unknown>) => {
  for (let i = 0; i < 10; i++) await fn(i)
  const started = performance.now()
  for (let i = 0; i < CALLS; i++) await fn(i)
  return (performance.now() - started) / CALLS
}
const toolMs: number[] = []
const clientMs: number[] = []
const setGetMs: number[] = []
for (let round = 0; round < 5; round++) {
  toolMs.push(await perCall((i) => mcp.callTool({ name: 'ableton_set_tempo', arguments: { bpm: 100 + (i % 50) } })))
  clientMs.push(await perCall((i) => live.song.tempo.set(100 + (i % 50))))
  setGetMs.push(
    await perCall(async (i) => {
      await live.song.tempo.set(100 + (i % 50))
      return live.song.tempo.get()
    }),
  )
}
report({
  group: 'MCP tool call overhead (ms per call, bridge simulator)',
  name: 'ableton_set_tempo vs client.song.tempo.set',
  figure: median(toolMs),
  unit: 'ms/call',
  betterIs: 'lower',
  baseline: { name: 'client.song.tempo.set', figure: median(clientMs) },
  rounds: 5,
  note: 'the tool also reads the tempo back (a round trip) to confirm it',
})
report({
  group: 'MCP tool call overhead (ms per call, bridge simulator)',
  name: 'ableton_set_tempo vs client set + get',
  figure: median(toolMs),
  unit: 'ms/call',
  betterIs: 'lower',
  baseline: { name: 'client.song.tempo.set + get', figure: median(setGetMs) },
  rounds: 5,
})
await mcp.close()
await live.close()
await sim.close()
