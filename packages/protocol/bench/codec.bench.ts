/**
 * Codec benchmark: encode and decode five packet shapes with our codec, node-osc and osc-js in the
 * same run, and report median nanoseconds per message with our speed-up over each.
 */
import { decode as nodeOscDecode, encode as nodeOscEncode } from 'node-osc'
import { measure, report } from '../../../tooling/bench/harness.js'
import { decodePacket } from '../src/osc/decode.js'
import { encodePacket } from '../src/osc/encode.js'
import type { OscMessage } from '../src/osc/types.js'
import { asBuffer, asOwnDataView, codecShapes } from './codecShapes.js'
import { OSC } from './oscJs.js'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15)
const TARGETS = { 'node-osc': 4, 'osc-js': 30 } as const

type NodeOscEncodable = Parameters<typeof nodeOscEncode>[0]

for (const shape of codecShapes) {
  const bytes = encodePacket(shape.packet)
  const buffer = asBuffer(bytes)
  const oscJsBytes = asOwnDataView(bytes)
  const timings = measure(
    {
      'encode ours': () => encodePacket(shape.packet),
      'encode node-osc': () => nodeOscEncode(shape.nodeOsc as NodeOscEncodable),
      'encode osc-js': () => shape.oscJs.pack(),
      'decode ours': () => decodePacket(buffer),
      'decode node-osc': () => nodeOscDecode(buffer),
      'decode osc-js': () => new OSC.Packet().unpack(new DataView(oscJsBytes.buffer)),
    },
    { rounds: ROUNDS },
  )
  for (const op of ['encode', 'decode'] as const) {
    const ours = timings[`${op} ours`]! / shape.messages
    for (const rival of ['node-osc', 'osc-js'] as const) {
      report({
        group: `OSC ${op} (ns per message, median)`,
        name: `${shape.name} vs ${rival}`,
        figure: ours,
        unit: 'ns/msg',
        betterIs: 'lower',
        baseline: { name: rival, figure: timings[`${op} ${rival}`]! / shape.messages },
        target: TARGETS[rival],
        rounds: ROUNDS,
      })
    }
  }
}

// UTF-8 correctness has a price only on non-ASCII text; measured on ours alone (osc-js cannot encode it).
const utf8Name: OscMessage = { address: '/live/track/get/name', types: 'is', args: [3, 'Bässe 🎹 Ω'] }
const utf8Bytes = encodePacket(utf8Name)
const utf8 = measure(
  { encode: () => encodePacket(utf8Name), decode: () => decodePacket(utf8Bytes) },
  { rounds: ROUNDS },
)
for (const op of ['encode', 'decode'] as const) {
  report({
    group: `OSC ${op} (ns per message, median)`,
    name: 'name reply ,is "Bässe 🎹 Ω" (ours only)',
    figure: utf8[op]!,
    unit: 'ns/msg',
    betterIs: 'lower',
    rounds: ROUNDS,
    note: 'Non-ASCII names take the UTF-8 path; osc-js mangles them on encode, so no ratio.',
  })
}

// Every figure above decodes one packet over and over, so its address and type tags are always in the
// decoder's caches (as with a client's replies, which come back with a handful of addresses). The
// worst case: 4096 distinct addresses in turn, far more than the caches hold, so every message takes
// the full path (and evicts a cache entry). No target: this row is here to show what a miss costs.
const distinct = Array.from({ length: 4096 }, (_, i) =>
  encodePacket({ address: `/live/track/set/volume/${i}`, types: 'if', args: [i & 7, 0.8] }),
)
const distinctBuffers = distinct.map(asBuffer)
let next = 0
const misses = measure(
  {
    ours: () => decodePacket(distinctBuffers[next++ & 4095]!),
    'node-osc': () => nodeOscDecode(distinctBuffers[next++ & 4095]!),
  },
  { rounds: ROUNDS },
)
report({
  group: 'OSC decode (ns per message, median)',
  name: 'volume ,if, 4096 distinct addresses (cache misses) vs node-osc',
  figure: misses.ours!,
  unit: 'ns/msg',
  betterIs: 'lower',
  baseline: { name: 'node-osc', figure: misses['node-osc']! },
  rounds: ROUNDS,
  note: 'Cache misses: every message a new address, so it takes the full decode path; no target.',
})
