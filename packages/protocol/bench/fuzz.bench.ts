/**
 * Decoder fuzz: 120,000 seeded packets (valid, mutated, random). Fails (exit 1) if decoding anything
 * throws other than LiveError DECODE_FAILED or a valid packet does not survive a round trip; reports
 * how many packets were checked and the decode throughput over the whole mixed set.
 */
import { report } from '../../../tooling/bench/harness.js'
import { isLiveError } from '../src/errors/liveError.js'
import { decodePacket } from '../src/osc/decode.js'
import { fuzzDecoder, generateFuzzPackets } from './fuzzPackets.js'

const SEED = Number(process.env.FUZZ_SEED ?? 20240611)
const COUNT = Number(process.env.FUZZ_COUNT ?? 120_000)

const checked = fuzzDecoder(SEED, COUNT)
for (const failure of checked.failures) console.error(failure)

const packets = generateFuzzPackets(SEED + 1, COUNT)
let bytes = 0
for (const packet of packets) bytes += packet.length
let unexpected = 0
const start = performance.now()
for (const packet of packets) {
  try {
    decodePacket(packet)
  } catch (error) {
    if (!isLiveError(error, 'DECODE_FAILED')) unexpected++
  }
}
const seconds = (performance.now() - start) / 1000

report({
  group: 'OSC decoder fuzz',
  name: `${(checked.packets + packets.length).toLocaleString('en-US')} seeded packets (seed ${SEED}): ${checked.failures.length + unexpected} failures`,
  figure: packets.length / seconds,
  unit: 'packets/s',
  betterIs: 'higher',
  note: `Fuzz: ${checked.decoded.toLocaleString('en-US')} decoded and ${checked.rejected.toLocaleString('en-US')} rejected with DECODE_FAILED in the checked pass (valid packets re-encoded byte for byte); throughput over ${packets.length.toLocaleString('en-US')} mixed packets, ${(bytes / 1024).toFixed(0)} KiB, exceptions included.`,
})
if (checked.failures.length > 0 || unexpected > 0) process.exit(1)
