/**
 * The receiving end of the timing benchmarks, run in a child process so that the sender's event loop cannot delay
 * the timestamps: a UDP front socket that stamps every `/live/track/set/volume` datagram on arrival with
 * `performance.timeOrigin + performance.now()` (epoch ms, the clock domain the sender computes ideal times in) and
 * forwards all traffic to a bridge-flavour simulator in this process (replies go back to the sender).
 *
 * Protocol: prints `{"port":n}` when ready; on stdin, `collect` prints `{"times":[...]}` (and clears them), `exit`
 * closes everything.
 */
import { createSocket, type RemoteInfo } from 'node:dgram'
import { createInterface } from 'node:readline'
import { createSimulator } from '@live/simulator'

const STAMPED = Buffer.from('/live/track/set/volume\0')
const sim = await createSimulator({ flavour: 'bridge', port: 0, logger: { info() {}, warn() {} } })
const socket = createSocket('udp4')
let client: RemoteInfo | undefined
let times: number[] = []

socket.on('message', (bytes, from) => {
  const at = performance.timeOrigin + performance.now()
  if (from.port === sim.port) {
    if (client !== undefined) socket.send(bytes, client.port, client.address)
    return
  }
  client = from
  if (bytes.length >= STAMPED.length && bytes.compare(STAMPED, 0, STAMPED.length, 0, STAMPED.length) === 0) {
    times.push(at)
  }
  socket.send(bytes, sim.port, '127.0.0.1')
})
await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve))
process.stdout.write(`${JSON.stringify({ port: socket.address().port })}\n`)

for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'collect') {
    process.stdout.write(`${JSON.stringify({ times })}\n`)
    times = []
  } else if (line === 'exit') break
}
socket.close()
await sim.close()
