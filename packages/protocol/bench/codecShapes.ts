/**
 * The five packet shapes the codec benchmark measures, each as our packet and as the equivalent
 * osc-js and node-osc objects (typed the same way, so all three put the same bytes on the wire).
 */
import { Buffer } from 'node:buffer'
import { Bundle as NodeOscBundle, Message as NodeOscMessage } from 'node-osc'
import { IMMEDIATELY, type OscMessage, type OscPacket } from '../src/osc/types.js'
import { OSC } from './oscJs.js'

/** One benchmark shape in the three libraries' vocabularies. */
export interface CodecShape {
  /** Row name. */
  name: string
  /** Messages in the packet (per-message figures divide by it). */
  messages: number
  /** Ours. */
  packet: OscPacket
  /** osc-js: an object with `pack()`. */
  oscJs: { pack(): Uint8Array }
  /** node-osc: a Message or Bundle for its `encode()`. */
  nodeOsc: unknown
}

type Arg = { type: 'i' | 'f' | 's' | 'T' | 'F'; value: number | string | boolean }

function oscJsMessage(message: OscMessage): InstanceType<typeof OSC.TypedMessage> {
  // osc-js's types say plain values, but TypedMessage takes { type, value } objects.
  return new OSC.TypedMessage(message.address, typedArgs(message) as never)
}

function nodeOscMessage(message: OscMessage): unknown {
  // node-osc reads `{ type, value }` objects as explicitly typed arguments.
  return new NodeOscMessage(message.address, ...typedArgs(message).map((arg) => ({ ...arg })))
}

function typedArgs(message: OscMessage): Arg[] {
  const types = message.types ?? ''
  return message.args.map((value, i) => ({ type: types[i] as Arg['type'], value: value as Arg['value'] }))
}

const tempo: OscMessage = { address: '/live/song/set/tempo', types: 'f', args: [120] }
const volume: OscMessage = { address: '/live/track/set/volume', types: 'if', args: [0, 0.8] }
const name: OscMessage = { address: '/live/track/get/name', types: 'is', args: [3, 'Bass'] }

function notesMessage(): OscMessage {
  let types = 'ii'
  const args: (number | boolean)[] = [0, 0]
  for (let n = 0; n < 64; n++) {
    const mute = n % 5 === 0
    types += 'ifff' + (mute ? 'T' : 'F')
    args.push(36 + (n % 24), n * 0.25, 0.25, 100 + (n % 27), mute)
  }
  return { address: '/live/clip/add/notes', types, args }
}
const notes = notesMessage()

const bundleMessages: OscMessage[] = Array.from({ length: 16 }, (_, i) => ({
  address: '/live/track/set/volume',
  types: 'if',
  args: [i, 0.5 + i / 64],
}))

/** The shapes, in table order. */
export const codecShapes: readonly CodecShape[] = [
  ...[
    ['tempo ,f', tempo],
    ['volume ,if', volume],
    ['name reply ,is', name],
    ['64 notes', notes],
  ].map(([label, message]) => ({
    name: label as string,
    messages: 1,
    packet: message as OscMessage,
    oscJs: oscJsMessage(message as OscMessage),
    nodeOsc: nodeOscMessage(message as OscMessage),
  })),
  {
    name: 'bundle of 16',
    messages: 16,
    packet: { timeTag: IMMEDIATELY, elements: bundleMessages },
    // osc-js stamps bundles with the current time rather than 'immediately'; the size is the same.
    oscJs: new OSC.Bundle(bundleMessages.map((m) => new OSC.Message(m.address, ...typedArgs(m).map((a) => a.value)))),
    nodeOsc: new NodeOscBundle(0, ...(bundleMessages.map(nodeOscMessage) as never[])),
  },
]

/** A copy of `bytes` as a Buffer, as node:dgram would hand it to node-osc. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes)
}

/** A DataView over a copy of `bytes` that starts at offset 0 of its own ArrayBuffer (osc-js ignores byteOffset). */
export function asOwnDataView(bytes: Uint8Array): DataView {
  return new DataView(new Uint8Array(bytes).buffer)
}
