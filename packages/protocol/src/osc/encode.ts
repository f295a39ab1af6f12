import { LiveError } from '../errors/liveError.js'
import { cachedEncodedAddress, encodedAddress } from './addressCache.js'
import { writeInt32 } from './bigEndian.js'
import { encodeArgError, isTimeTag, labelOf, sizeArg, writeArg, writeString } from './encodeArg.js'
import { inferTag } from './inferTypes.js'
import { MAX_OSC_DEPTH } from './maxOscDepth.js'
import { isBundle, type OscBundle, type OscMessage, type OscPacket, type OscValue } from './types.js'

/** `#bundle\0`, then the time tag. */
const BUNDLE_HEAD = new Uint8Array([0x23, 0x62, 0x75, 0x6e, 0x64, 0x6c, 0x65, 0x00])

// Cursor into the explicit `types` string; the encoder is synchronous and not re-entrant.
let cursor = 0
// Tags counted while sizing a message whose types are inferred.
let inferredTags = 0

/**
 * Encodes an OSC message or bundle into one 4-byte aligned packet. Packets up to 1 KiB are views into a
 * shared slab, as Node's small Buffers are: the bytes are yours, but `packet.buffer` is larger than them.
 * `types` wins when given (120 with `f` goes out as 120.0); otherwise the types are inferred
 * (see {@link inferTag}). A value that does not fit its tag throws LiveError `ENCODE_FAILED`.
 *
 * @example
 * encodePacket({ address: '/live/song/set/tempo', types: 'f', args: [120] })
 */
export function encodePacket(packet: OscPacket): Uint8Array {
  // Sizing validates everything, so the write pass can trust its input and allocate once.
  const size = sizePacket(packet, 0)
  const bytes = allocate(size)
  writePacket(bytes, 0, packet)
  return bytes
}

// Small packets are cut from a shared slab, as Node's Buffer pool does: a `new Uint8Array(36)` lives on
// V8's heap, and a socket then has to copy it out to a fresh off-heap store on every send.
const SLAB_BYTES = 16384
const SLAB_MAX_PACKET = 1024
let slab = new ArrayBuffer(SLAB_BYTES)
let slabUsed = 0

function allocate(size: number): Uint8Array {
  if (size > SLAB_MAX_PACKET) return new Uint8Array(size)
  if (slabUsed + size > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES)
    slabUsed = 0
  }
  const bytes = new Uint8Array(slab, slabUsed, size)
  slabUsed += size
  return bytes
}

function sizePacket(packet: OscPacket, depth: number): number {
  if (typeof packet !== 'object' || packet === null) {
    throw new LiveError('ENCODE_FAILED', `cannot encode ${String(packet)}: an OSC packet is a message or a bundle`, {
      details: { value: packet },
    })
  }
  return isBundle(packet) ? sizeBundle(packet, depth) : sizeMessage(packet)
}

function sizeBundle(bundle: OscBundle, depth: number): number {
  if (depth >= MAX_OSC_DEPTH) {
    throw new LiveError('ENCODE_FAILED', `cannot encode a bundle nested deeper than ${MAX_OSC_DEPTH} levels`, {
      details: { depth },
    })
  }
  if (!isTimeTag(bundle.timeTag)) {
    throw new LiveError(
      'ENCODE_FAILED',
      `cannot encode a bundle: its timeTag is not { seconds, fraction } of unsigned 32-bit integers`,
      { details: { value: bundle.timeTag } },
    )
  }
  const elements = bundle.elements
  let size = 16 + 4 * elements.length
  for (let i = 0; i < elements.length; i++) size += sizePacket(elements[i]!, depth + 1)
  return size
}

function sizeMessage(message: OscMessage): number {
  const address = message.address
  const cached = cachedEncodedAddress(address)
  if (
    cached === undefined &&
    (typeof address !== 'string' || address.charCodeAt(0) !== 0x2f || address.indexOf('\0') !== -1)
  ) {
    throw new LiveError(
      'ENCODE_FAILED',
      `cannot encode address ${JSON.stringify(address)}: an OSC address is a string that starts with '/' and has no NUL`,
      { details: { address } },
    )
  }
  const args = message.args
  if (!Array.isArray(args)) {
    throw new LiveError('ENCODE_FAILED', `cannot encode ${address}: args must be an array`, {
      details: { address, value: args },
    })
  }
  const types = message.types
  let size = (cached ?? encodedAddress(address)).length
  if (types === undefined) {
    inferredTags = 0
    size += sizeInferredArgs(address, args, 0, '')
    return size + ((inferredTags + 5) & ~3)
  }
  if (typeof types !== 'string') {
    throw new LiveError('ENCODE_FAILED', `cannot encode ${address}: types must be a string of type tags, like 'if'`, {
      details: { address, types },
    })
  }
  cursor = 0
  size += sizeTypedArgs(address, types, args, 0, '')
  if (cursor < types.length) throw typesError(address, types, `has a ']' at position ${cursor} with no '['`)
  return size + ((types.length + 5) & ~3)
}

function sizeTypedArgs(address: string, types: string, args: readonly OscValue[], depth: number, path: string): number {
  let size = 0
  let index = 0
  let c = cursor
  while (c < types.length) {
    const tag = types.charCodeAt(c)
    if (tag === 0x5d) break
    if (index >= args.length) {
      throw countError(address, types, `type tag '${types[c]}' at position ${c} has no argument`, path)
    }
    c++
    const value = args[index]!
    if (tag === 0x5b) {
      const label = labelOf(path, index)
      if (!Array.isArray(value)) throw encodeArgError(address, label, value, tag)
      if (depth + 1 > MAX_OSC_DEPTH) throw depthError(address, label)
      cursor = c
      size += sizeTypedArgs(address, types, value, depth + 1, label)
      c = cursor
      if (c >= types.length) throw typesError(address, types, `opens an array '[' that is never closed`)
      c++
    } else {
      size += sizeArg(address, tag, value, path, index)
    }
    index++
  }
  cursor = c
  if (index < args.length) {
    const label = labelOf(path, index)
    throw countError(address, types, `argument ${label} has no type tag`, path, args[index])
  }
  return size
}

function sizeInferredArgs(address: string, args: readonly OscValue[], depth: number, path: string): number {
  let size = 0
  for (let index = 0; index < args.length; index++) {
    const value = args[index]!
    const tag = inferTag(value)
    if (tag === 0) throw encodeArgError(address, labelOf(path, index), value, 0)
    if (tag === 0x5b) {
      const label = labelOf(path, index)
      if (depth + 1 > MAX_OSC_DEPTH) throw depthError(address, label)
      inferredTags += 2
      size += sizeInferredArgs(address, value as readonly OscValue[], depth + 1, label)
    } else {
      inferredTags++
      size += sizeArg(address, tag, value, path, index)
    }
  }
  return size
}

function writePacket(bytes: Uint8Array, offset: number, packet: OscPacket): number {
  return isBundle(packet) ? writeBundle(bytes, offset, packet) : writeMessage(bytes, offset, packet)
}

function writeBundle(bytes: Uint8Array, offset: number, bundle: OscBundle): number {
  bytes.set(BUNDLE_HEAD, offset)
  writeInt32(bytes, offset + 8, bundle.timeTag.seconds)
  writeInt32(bytes, offset + 12, bundle.timeTag.fraction)
  let o = offset + 16
  const elements = bundle.elements
  for (let i = 0; i < elements.length; i++) {
    const start = o + 4
    o = writePacket(bytes, start, elements[i]!)
    writeInt32(bytes, start - 4, o - start)
  }
  return o
}

function writeMessage(bytes: Uint8Array, offset: number, message: OscMessage): number {
  const head = cachedEncodedAddress(message.address)
  let o: number
  if (head === undefined) {
    o = writeString(bytes, offset, message.address)
  } else {
    for (let i = 0; i < head.length; i++) bytes[offset + i] = head[i]!
    o = offset + head.length
  }
  const types = message.types
  const args = message.args
  bytes[o] = 0x2c
  if (types === undefined) {
    o = (writeInferredTags(bytes, o + 1, args) + 4) & ~3
    return writeInferredArgs(bytes, o, args)
  }
  const n = types.length
  for (let i = 0; i < n; i++) bytes[o + 1 + i] = types.charCodeAt(i)
  o = (o + n + 5) & ~3
  cursor = 0
  return writeTypedArgs(bytes, o, types, args)
}

function writeTypedArgs(bytes: Uint8Array, offset: number, types: string, args: readonly OscValue[]): number {
  let o = offset
  let c = cursor
  for (let i = 0; i < args.length; i++) {
    const tag = types.charCodeAt(c++)
    if (tag === 0x5b) {
      cursor = c
      o = writeTypedArgs(bytes, o, types, args[i] as readonly OscValue[])
      c = cursor + 1 // past the ']'
    } else {
      o = writeArg(bytes, o, tag, args[i]!)
    }
  }
  cursor = c
  return o
}

function writeInferredTags(bytes: Uint8Array, offset: number, args: readonly OscValue[]): number {
  let o = offset
  for (let i = 0; i < args.length; i++) {
    const value = args[i]!
    const tag = inferTag(value)
    bytes[o++] = tag
    if (tag === 0x5b) {
      o = writeInferredTags(bytes, o, value as readonly OscValue[])
      bytes[o++] = 0x5d
    }
  }
  return o
}

function writeInferredArgs(bytes: Uint8Array, offset: number, args: readonly OscValue[]): number {
  let o = offset
  for (let i = 0; i < args.length; i++) {
    const value = args[i]!
    const tag = inferTag(value)
    o = tag === 0x5b ? writeInferredArgs(bytes, o, value as readonly OscValue[]) : writeArg(bytes, o, tag, value)
  }
  return o
}

function typesError(address: string, types: string, problem: string): LiveError {
  return new LiveError('ENCODE_FAILED', `cannot encode ${address}: types '${types}' ${problem}`, {
    details: { address, types },
  })
}

function countError(address: string, types: string, problem: string, path: string, value?: unknown): LiveError {
  const where = path === '' ? 'the arguments' : `the array at argument ${path}`
  return new LiveError(
    'ENCODE_FAILED',
    `cannot encode ${address}: types '${types}' do not match ${where}: ${problem}`,
    { details: value === undefined ? { address, types } : { address, types, value } },
  )
}

function depthError(address: string, label: string): LiveError {
  return new LiveError(
    'ENCODE_FAILED',
    `cannot encode ${address}: argument ${label} nests arrays deeper than ${MAX_OSC_DEPTH} levels`,
    { details: { address, index: label } },
  )
}
