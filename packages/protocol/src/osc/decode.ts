import { cachedDecoded, rememberDecoded } from './addressCache.js'
import { readBigInt64, readFloat32, readFloat64, readInt32, readUint32 } from './bigEndian.js'
import { decodeError } from './decodeError.js'
import {
  cachedHead,
  headSlot,
  isLongHead,
  OP_DOUBLE,
  OP_FALSE,
  OP_FLOAT,
  OP_INFINITY,
  OP_INT,
  OP_INT64,
  OP_NULL,
  OP_TRUE,
  type Plan,
  planOf,
  rememberHead,
} from './decodePlan.js'
import { MAX_OSC_DEPTH } from './maxOscDepth.js'
import { argPart, findStringEnd, readString } from './readString.js'
import type { DecodedOscBundle, DecodedOscMessage, DecodedOscPacket, OscValue } from './types.js'
import { readAscii } from './utf8.js'

// Read cursors into the packet and into its type tag string. The decoder is synchronous and not
// re-entrant, so module state is safe and spares returning (value, offset) pairs.
let pos = 0
let tagPos = 0
// Beyond this many type tags, args arrays start empty and grow (a huge `new Array(n)` is slow in V8).
const PREALLOCATE_LIMIT = 1024
// Messages with at least this many type tags read numbers through a DataView (bundles always do).
const VIEW_THRESHOLD = 24
// The DataView over the packet being decoded, made on first need.
let view: DataView | undefined
// Length of the whole packet, for error messages.
let total = 0

/**
 * Decodes one OSC packet (message or bundle) without copying: blobs and MIDI arguments are
 * subarray views of `data`. Strict: anything malformed throws LiveError `DECODE_FAILED` naming the
 * byte offset and what was expected there; nothing else is ever thrown, and no read leaves `data`.
 *
 * Two leniencies, both shared with AbletonOSC: a message with an address and no type tag string
 * decodes with types '' and no args, and `S` (symbol) decodes as a string. Unknown type tags are
 * rejected: AbletonOSC skips them, but a client must not guess what the bytes after one mean.
 *
 * @example
 * const message = decodePacket(datagram) // { address: '/live/song/get/tempo', types: 'f', args: [120] }
 */
export function decodePacket(data: Uint8Array): DecodedOscPacket {
  if (!(data instanceof Uint8Array)) {
    throw decodeError(0, 'a Uint8Array', 0, 0, `got ${data === null ? 'null' : typeof data}`)
  }
  total = data.length
  view = undefined
  try {
    return decodeElement(data, 0, data.length, 0)
  } finally {
    // Do not keep the caller's buffer alive through the DataView.
    view = undefined
  }
}

/** The messages of a decoded packet in order, bundles flattened recursively. */
export function messagesOf(packet: DecodedOscPacket): DecodedOscMessage[] {
  const messages: DecodedOscMessage[] = []
  collect(packet, messages)
  return messages
}

function collect(packet: DecodedOscPacket, into: DecodedOscMessage[]): void {
  if ('elements' in packet) {
    for (const element of packet.elements) collect(element, into)
  } else {
    into.push(packet)
  }
}

function decodeElement(bytes: Uint8Array, start: number, end: number, depth: number): DecodedOscPacket {
  const first = start < end ? bytes[start] : -1
  if (first === 0x2f) return decodeMessage(bytes, start, end)
  if (first === 0x23 && isBundleHead(bytes, start, end)) return decodeBundle(bytes, start, end, depth)
  throw decodeError(start, `an address starting with '/' or '#bundle'`, total, end, 'packet start')
}

function isBundleHead(bytes: Uint8Array, start: number, end: number): boolean {
  return (
    end - start >= 8 &&
    bytes[start + 1] === 0x62 &&
    bytes[start + 2] === 0x75 &&
    bytes[start + 3] === 0x6e &&
    bytes[start + 4] === 0x64 &&
    bytes[start + 5] === 0x6c &&
    bytes[start + 6] === 0x65 &&
    bytes[start + 7] === 0
  )
}

function decodeBundle(bytes: Uint8Array, start: number, end: number, depth: number): DecodedOscBundle {
  // A bundle has many addresses and arguments to read: the DataView pays for itself.
  viewOf(bytes)
  if (depth >= MAX_OSC_DEPTH) {
    throw decodeError(start, `bundles nested at most ${MAX_OSC_DEPTH} deep`, total, end, 'bundle')
  }
  if (end - start < 16) throw decodeError(start + 8, 'an 8-byte time tag', total, end, 'bundle')
  const timeTag = { seconds: readUint32(bytes, start + 8), fraction: readUint32(bytes, start + 12) }
  const elements: DecodedOscPacket[] = []
  let o = start + 16
  while (o < end) {
    if (end - o < 4) throw decodeError(o, 'a 4-byte element size', total, end, 'bundle')
    const size = readInt32(bytes, o)
    if (size <= 0 || (size & 3) !== 0 || size > end - o - 4) {
      throw decodeError(
        o,
        `an element size that is a positive multiple of 4 and at most ${end - o - 4} (found ${size})`,
        total,
        end,
        'bundle',
      )
    }
    elements.push(decodeElement(bytes, o + 4, o + 4 + size, depth + 1))
    o += 4 + size
  }
  return { timeTag, elements }
}

/**
 * Decodes the message `bytes[start..end)`. Fast path: its address and type tags are a head seen
 * before, compared word for word (see decodePlan.ts), then its arguments are read by the head's plan.
 */
function decodeMessage(bytes: Uint8Array, start: number, end: number): DecodedOscMessage {
  let last = start + 3
  while (last < end && bytes[last] !== 0) last += 4
  let slot = -1
  if (last + 3 < end) {
    slot = headSlot(bytes, start, last)
    // A long head (a long address, or many tags) is compared four bytes at a time through a DataView.
    const head = cachedHead(bytes, start, end, slot, view ?? (isLongHead(slot) ? viewOf(bytes) : undefined))
    if (head !== undefined) {
      const plan = head.plan
      const argsStart = start + (head.words.length << 2)
      if (plan.template.length >= VIEW_THRESHOLD && plan.size === end - argsStart) {
        // Long and of fixed size, and the data is exactly that size: no read can fail.
        return { address: head.address, types: plan.types, args: runFixed(plan, plan.ops!, argsStart, viewOf(bytes)) }
      }
      return { address: head.address, types: plan.types, args: runPlan(plan, plan.ops!, bytes, argsStart, end, view) }
    }
  }
  return decodeMessageSlow(bytes, start, end, slot)
}

/**
 * The full path: finds and checks both strings, then reads the arguments by plan when the tags have
 * one with ops, else by the generic decodeArgs; remembers the head (in the pair at `slot`, unless -1)
 * once the message has decoded.
 */
function decodeMessageSlow(bytes: Uint8Array, start: number, end: number, slot: number): DecodedOscMessage {
  const addressEnd = findStringEnd(bytes, start, end, total, 'address')
  let address = cachedDecoded(bytes, start, addressEnd)
  if (address === undefined) {
    address = readString(bytes, start, addressEnd, end, total, 'address')
    rememberDecoded(bytes, start, addressEnd, address)
  }
  const typesStart = (addressEnd + 4) & ~3
  if (typesStart === end) {
    // No type tag string: OSC 1.0 says old senders may omit it, and AbletonOSC accepts it.
    return { address, types: '', args: [] }
  }
  if (bytes[typesStart] !== 0x2c) {
    throw decodeError(typesStart, `a type tag string starting with ','`, total, end, 'type tags')
  }
  const typesEnd = findStringEnd(bytes, typesStart, end, total, 'type tags')
  const argsStart = (typesEnd + 4) & ~3
  // Creating a DataView costs as much as decoding a small message, but its reads beat shifts:
  // worth it from a few dozen arguments on, once per packet.
  const dv = view ?? (typesEnd - typesStart > VIEW_THRESHOLD ? viewOf(bytes) : undefined)
  const plan = planOf(bytes, typesStart + 1, typesEnd, dv)
  if (plan !== undefined && plan.ops !== undefined) {
    const args = runPlan(plan, plan.ops, bytes, argsStart, end, dv)
    if (slot >= 0) rememberHead(bytes, start, argsStart, slot, address, plan)
    return { address, types: plan.types, args }
  }
  tagPos = typesStart + 1
  pos = argsStart
  const args = decodeArgs(bytes, end, typesEnd, 0)
  if (pos !== end) {
    throw decodeError(pos, `the end of the message (${end - pos} bytes left over)`, total, end, 'arguments')
  }
  // Every tag was checked against the known set, so the tag string is ASCII (and has a plan, if
  // only one without ops: the generic path is for `[ ] c m r t`).
  const types = plan === undefined ? readAscii(bytes, typesStart + 1, typesEnd) : plan.types
  return { address, types, args }
}

/**
 * Runs a plan whose tags all have a fixed size over data known to be exactly that size: no read can
 * fail, so there is no check at all. Long plans only, so the DataView is worth it.
 */
function runFixed(plan: Plan, ops: Uint8Array, start: number, dv: DataView): OscValue[] {
  const args = plan.template.slice()
  const count = ops.length
  let o = start
  for (let k = 0; k < count; k++) {
    // Tests in order of how common the tags are in long messages (floats, ints, booleans).
    const op = ops[k]!
    if (op === OP_FLOAT) {
      args[k] = dv.getFloat32(o)
      o += 4
    } else if (op === OP_INT) {
      args[k] = dv.getInt32(o)
      o += 4
    } else if (op === OP_TRUE) {
      args[k] = true
    } else if (op === OP_FALSE) {
      args[k] = false
    } else if (op === OP_NULL) {
      args[k] = null
    } else if (op === OP_INFINITY) {
      args[k] = Number.POSITIVE_INFINITY
    } else if (op === OP_DOUBLE) {
      args[k] = dv.getFloat64(o)
      o += 8
    } else {
      // OP_INT64: fixed-size plans have no OP_OTHER.
      args[k] = dv.getBigInt64(o)
      o += 8
    }
  }
  return args
}

/**
 * Runs a plan over the argument data at `start`: one switch on a dense op code per argument, into a
 * packed array of the final length (no holes, no elements-kind transitions). The checks, and the
 * errors, are the generic path's (decodeArgs), in the same order.
 */
function runPlan(
  plan: Plan,
  ops: Uint8Array,
  bytes: Uint8Array,
  start: number,
  end: number,
  dv: DataView | undefined,
): OscValue[] {
  const count = ops.length
  // The shortest lists as literals, allocated inline (a clone is a builtin call).
  const args: OscValue[] =
    count === 1 ? [null] : count === 2 ? [null, null] : count === 3 ? [null, null, null] : plan.template.slice()
  let o = start
  for (let k = 0; k < count; k++) {
    switch (ops[k]) {
      case OP_INT:
        if (end - o < 4) throw needError(o, 4, 0x69, k, end)
        args[k] = dv === undefined ? readInt32(bytes, o) : dv.getInt32(o)
        o += 4
        break
      case OP_FLOAT:
        if (end - o < 4) throw needError(o, 4, 0x66, k, end)
        args[k] = dv === undefined ? readFloat32(bytes, o) : dv.getFloat32(o)
        o += 4
        break
      case OP_TRUE:
        args[k] = true
        break
      case OP_FALSE:
        args[k] = false
        break
      case OP_NULL:
        args[k] = null
        break
      case OP_INFINITY:
        args[k] = Number.POSITIVE_INFINITY
        break
      case OP_DOUBLE:
        if (end - o < 8) throw needError(o, 8, 0x64, k, end)
        args[k] = readFloat64(bytes, o)
        o += 8
        break
      case OP_INT64:
        if (end - o < 8) throw needError(o, 8, 0x68, k, end)
        args[k] = readBigInt64(bytes, o)
        o += 8
        break
      default: {
        // s, S or b: the tag itself names the argument in errors.
        const tag = plan.key[k]!
        if (tag === 0x62) {
          if (end - o < 4) throw needError(o, 4, tag, k, end)
          const size = readInt32(bytes, o)
          const room = end - o - 4
          if (size < 0 || size > room || ((size + 3) & ~3) > room) {
            throw decodeError(o, `a blob size from 0 to ${room} (found ${size})`, total, end, argPart(tag, k))
          }
          args[k] = bytes.subarray(o + 4, o + 4 + size)
          o += 4 + ((size + 3) & ~3)
        } else {
          // ASCII fast path: characters below 0x80 up to a NUL, then NUL padding to the next word
          // (`o` is word-aligned). Anything else, including every error, takes the full path.
          let nul = o
          let c = 1
          while (nul < end) {
            c = bytes[nul]!
            if (c === 0 || c >= 0x80) break
            nul++
          }
          const next = (nul + 4) & ~3
          if (c === 0 && next <= end) {
            let p = nul + 1
            while (p < next && bytes[p] === 0) p++
            if (p === next) {
              args[k] = readAscii(bytes, o, nul)
              o = next
              continue
            }
          }
          nul = findStringEnd(bytes, o, end, total, '', tag, k)
          args[k] = readString(bytes, o, nul, end, total, '', tag, k)
          o = (nul + 4) & ~3
        }
      }
    }
  }
  if (o !== end) {
    throw decodeError(o, `the end of the message (${end - o} bytes left over)`, total, end, 'arguments')
  }
  return args
}

function decodeArgs(bytes: Uint8Array, end: number, typesEnd: number, depth: number): OscValue[] {
  // Local cursors in a tight loop for the common tags; the rest go through decodeArg, with the
  // cursors handed over in module state.
  let o = pos
  let t = tagPos
  // A message's args are sized up front (the tag count is an upper bound) and trimmed at the end;
  // nested arrays, whose length the tags do not give cheaply, grow.
  const bound = typesEnd - t
  // One allocation site and one elements kind either way, so the stores below stay monomorphic.
  const args: OscValue[] = new Array(depth === 0 && bound <= PREALLOCATE_LIMIT ? bound : 0)
  let n = 0
  let closed = false
  // Creating a DataView costs as much as decoding a small message, but its reads beat shifts:
  // worth it from a few dozen arguments on, once per packet.
  const dv = view ?? (bound >= VIEW_THRESHOLD ? viewOf(bytes) : undefined)
  while (t < typesEnd) {
    const tag = bytes[t]!
    t++
    if (tag === 0x69) {
      if (end - o < 4) throw needError(o, 4, tag, n, end)
      args[n++] = dv === undefined ? readInt32(bytes, o) : dv.getInt32(o)
      o += 4
    } else if (tag === 0x66) {
      if (end - o < 4) throw needError(o, 4, tag, n, end)
      args[n++] = dv === undefined ? readFloat32(bytes, o) : dv.getFloat32(o)
      o += 4
    } else if (tag === 0x54) {
      args[n++] = true
    } else if (tag === 0x46) {
      args[n++] = false
    } else if (tag === 0x4e) {
      args[n++] = null
    } else {
      pos = o
      tagPos = t
      const value = decodeArg(bytes, tag, end, typesEnd, depth, n)
      o = pos
      t = tagPos
      if (value === CLOSE) {
        closed = true
        break
      }
      args[n++] = value
    }
  }
  if (depth > 0 && !closed) throw decodeError(typesEnd, `a ']' closing an array`, total, end, 'type tags')
  pos = o
  tagPos = t
  if (n !== bound) args.length = n
  return args
}

function viewOf(bytes: Uint8Array): DataView {
  if (view === undefined) view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return view
}

/** What decodeArg returns for the ']' that ends an array. */
const CLOSE: unique symbol = Symbol('close')

/** Decodes one argument of the less common tags at `pos`, advancing `pos` (and `tagPos` for arrays). */
function decodeArg(
  bytes: Uint8Array,
  tag: number,
  end: number,
  typesEnd: number,
  depth: number,
  index: number,
): OscValue | typeof CLOSE {
  const o = pos
  switch (tag) {
    case 0x73: // s
    case 0x53: {
      // S: a symbol, read as a string. The part name is built only on error.
      const nul = findStringEnd(bytes, o, end, total, '', tag, index)
      pos = (nul + 4) & ~3
      return readString(bytes, o, nul, end, total, '', tag, index)
    }
    case 0x49: // I
      return Number.POSITIVE_INFINITY
    case 0x64: // d
      if (end - o < 8) throw needError(o, 8, tag, index, end)
      pos = o + 8
      return readFloat64(bytes, o)
    case 0x68: // h
      if (end - o < 8) throw needError(o, 8, tag, index, end)
      pos = o + 8
      return readBigInt64(bytes, o)
    case 0x74: // t
      if (end - o < 8) throw needError(o, 8, tag, index, end)
      pos = o + 8
      return { seconds: readUint32(bytes, o), fraction: readUint32(bytes, o + 4) }
    case 0x62: {
      // b
      if (end - o < 4) throw needError(o, 4, tag, index, end)
      const size = readInt32(bytes, o)
      const room = end - o - 4
      if (size < 0 || size > room || ((size + 3) & ~3) > room) {
        throw decodeError(o, `a blob size from 0 to ${room} (found ${size})`, total, end, argPart(tag, index))
      }
      pos = o + 4 + ((size + 3) & ~3)
      return bytes.subarray(o + 4, o + 4 + size)
    }
    case 0x63: {
      // c
      if (end - o < 4) throw needError(o, 4, tag, index, end)
      const code = readUint32(bytes, o)
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
        throw decodeError(o, `a Unicode code point (found ${code})`, total, end, argPart(tag, index))
      }
      pos = o + 4
      return String.fromCodePoint(code)
    }
    case 0x6d: // m
      if (end - o < 4) throw needError(o, 4, tag, index, end)
      pos = o + 4
      return bytes.subarray(o, o + 4)
    case 0x72: // r
      if (end - o < 4) throw needError(o, 4, tag, index, end)
      pos = o + 4
      return { r: bytes[o]!, g: bytes[o + 1]!, b: bytes[o + 2]!, a: bytes[o + 3]! }
    case 0x5b: // [
      if (depth >= MAX_OSC_DEPTH) {
        throw decodeError(tagPos - 1, `arrays nested at most ${MAX_OSC_DEPTH} deep`, total, end, 'type tags')
      }
      return decodeArgs(bytes, end, typesEnd, depth + 1)
    case 0x5d: // ]
      if (depth === 0) throw decodeError(tagPos - 1, `a type tag (found ']' with no '[')`, total, end, 'type tags')
      return CLOSE
    default:
      // Strict where AbletonOSC is lenient (it skips unknown tags): the bytes after an unknown tag are unreadable.
      throw decodeError(tagPos - 1, `a known type tag (found ${describeTag(tag)})`, total, end, 'type tags')
  }
}

function needError(offset: number, size: number, tag: number, index: number, end: number) {
  return decodeError(offset, `${size} bytes of argument data`, total, end, argPart(tag, index))
}

function describeTag(tag: number): string {
  return tag >= 0x21 && tag <= 0x7e ? `'${String.fromCharCode(tag)}'` : `byte 0x${tag.toString(16).padStart(2, '0')}`
}
