/**
 * Decode plans: what the decoder learns once from a type tag string and reuses for every message that
 * carries the same one (replies of one kind all do). A plan holds the tag string as a JS string, one
 * dense op code per argument (a jump-table switch instead of a chain of tag comparisons), the size of
 * the argument data when it is fixed, and a packed template array of the right length, cloned for
 * each message so that filling the arguments neither transitions the array's elements kind nor
 * leaves holes.
 *
 * Message heads (address and type tags together) are cached too, with their address string and plan.
 * Every cache here is bounded, keyed by copies of the packet's bytes (never views of the caller's
 * buffer), and correct whatever is evicted: a miss takes the full path and rebuilds the entry.
 */
import type { OscValue } from './types.js'
import { readAscii } from './utf8.js'

export const OP_INT = 0
export const OP_FLOAT = 1
export const OP_TRUE = 2
export const OP_FALSE = 3
export const OP_NULL = 4
export const OP_INFINITY = 5
export const OP_DOUBLE = 6
export const OP_INT64 = 7
/** s, S, b: read by their tag (kept in the plan's key). */
export const OP_OTHER = 8

/** What the decoder knows about one type tag string. */
export interface Plan {
  /** The tag bytes, without the comma (a copy). */
  readonly key: Uint8Array
  /** The same tags as a string, the decoded message's `types`. */
  readonly types: string
  /** One op per argument, or undefined when a tag needs the generic path (`[ ] c m r t`). */
  readonly ops: Uint8Array | undefined
  /** Cloned for each message's args: length = argument count, elements kind fixed up front. */
  readonly template: OscValue[]
  /** Bytes of argument data when every tag has a fixed size (no `s S b`), else -1. */
  readonly size: number
  /** `key` as big-endian 32-bit words when it is long (a trailing partial word left out), to compare it four bytes at a time. */
  readonly keyWords: Int32Array | undefined
}

/** Keys at least this long are compared word by word when the caller has a DataView of the packet. */
const WIDE = 16

// Tags of one argument each, with their op; -1: known, but decoded by the generic path.
const OPS = new Int8Array(128).fill(-2)
for (const [tag, op] of [
  ['i', OP_INT],
  ['f', OP_FLOAT],
  ['T', OP_TRUE],
  ['F', OP_FALSE],
  ['N', OP_NULL],
  ['I', OP_INFINITY],
  ['d', OP_DOUBLE],
  ['h', OP_INT64],
  ['s', OP_OTHER],
  ['S', OP_OTHER],
  ['b', OP_OTHER],
  ['c', -1],
  ['t', -1],
  ['m', -1],
  ['r', -1],
  ['[', -1],
  [']', -1],
] as const) {
  OPS[tag.charCodeAt(0)] = op
}

/** Tag strings longer than this get no ops (and no template): the generic path grows their args. */
const MAX_PLANNED = 1024
/** Heads longer than this (in bytes) are not remembered: a cache must not hold whole packets. */
const MAX_HEAD = 2048

/** Plans of up to three tags, by their bytes packed into one number (with the count). */
const short = new Map<number, Plan>()
/** Slots of the direct-mapped cache of longer plans (a power of two). */
const SLOTS = 64
const long: (Plan | undefined)[] = new Array(SLOTS).fill(undefined)

/**
 * The plan of the tags `bytes[start..end)`, or undefined when one of them is not a known tag (the
 * generic path then rejects it, at the right offset).
 */
export function planOf(bytes: Uint8Array, start: number, end: number, view: DataView | undefined): Plan | undefined {
  const length = end - start
  if (length <= 3) {
    let key = 0
    for (let i = start; i < end; i++) key = key * 256 + bytes[i]!
    key = key * 4 + length
    let plan = short.get(key)
    if (plan === undefined) {
      plan = buildPlan(bytes, start, end)
      // Only valid tags are cached, so this map holds at most a few hundred thousand entries in theory
      // and a handful in practice.
      if (plan !== undefined) short.set(key, plan)
    }
    return plan
  }
  const slot =
    (length * 31 + bytes[end - 1]! * 7 + bytes[end - 2]! * 131 + bytes[end - 3]! + bytes[start + (length >> 1)]! * 17) &
    (SLOTS - 1)
  const cached = long[slot]
  if (cached !== undefined) {
    const key = cached.key
    if (key.length === length) {
      let i = 0
      const keyWords = cached.keyWords
      if (view !== undefined && keyWords !== undefined) {
        const words = keyWords.length
        let w = 0
        while (w < words && keyWords[w] === view.getInt32(start + (w << 2))) w++
        i = w === words ? words << 2 : -1
      }
      if (i >= 0) {
        while (i < length && key[i] === bytes[start + i]) i++
        if (i === length) return cached
      }
    }
  }
  const plan = buildPlan(bytes, start, end)
  if (plan !== undefined) long[slot] = plan
  return plan
}

function buildPlan(bytes: Uint8Array, start: number, end: number): Plan | undefined {
  const length = end - start
  const ops = new Uint8Array(length)
  let generic = false
  let size = 0
  for (let i = 0; i < length; i++) {
    const tag = bytes[start + i]!
    const op = tag < 128 ? OPS[tag]! : -2
    if (op === -2) return undefined
    if (op === -1 || length > MAX_PLANNED) generic = true
    else ops[i] = op
    if (op === OP_INT || op === OP_FLOAT) size += 4
    else if (op === OP_DOUBLE || op === OP_INT64) size += 8
    else if (op === OP_OTHER) size = Number.NEGATIVE_INFINITY
  }
  const key = new Uint8Array(length)
  for (let i = 0; i < length; i++) key[i] = bytes[start + i]!
  return {
    key,
    types: readAscii(bytes, start, end),
    ops: generic ? undefined : ops,
    template: generic ? [] : templateOf(length),
    size: size >= 0 ? size : -1,
    keyWords: length >= WIDE ? wordsOf(bytes, start, length >> 2) : undefined,
  }
}

/**
 * A packed array of `length` nulls. Generic elements for every plan, even all-number ones: a double
 * array would save boxing, but the stores that fill the arguments would then see several elements
 * kinds, and a message of another shape would slow them all down.
 */
function templateOf(length: number): OscValue[] {
  const template: OscValue[] = []
  for (let i = 0; i < length; i++) template.push(null)
  return template
}

/**
 * A message head seen before: the bytes from the address to the end of the type tag string's
 * padding, as big-endian words (a copy, never a view), with the address they decode to and the plan
 * of the tags. A packet whose bytes match a head word for word parses the same way up to its
 * arguments, so one comparison stands in for finding both strings' ends, the address cache lookup
 * and the plan lookup.
 */
export interface Head {
  readonly words: Int32Array
  readonly address: string
  readonly plan: Plan
}

/** Slots of the head cache (a power of two), in pairs: a head lives in the first or second of its pair. */
const HEAD_SLOTS = 256
const heads: (Head | undefined)[] = new Array(HEAD_SLOTS).fill(undefined)
/** Heads of at least this many words are worth a DataView over the packet to compare. */
const LONG_HEAD = 24

/**
 * The (even) first slot of the pair for a head whose address's last word ends at `last` (its NUL): a
 * cheap hash of the address length, bytes near its end and middle, and the first two tags. The
 * caller made sure that `last + 3 < end`.
 */
export function headSlot(bytes: Uint8Array, start: number, last: number): number {
  const mid = start + ((last - start) >> 1)
  return (
    ((last - start) * 31 +
      bytes[last - 1]! * 7 +
      bytes[last - 2]! * 131 +
      bytes[last - 3]! * 3 +
      bytes[mid - 1]! * 11 +
      bytes[mid]! * 17 +
      bytes[mid + 1]! * 5 +
      bytes[last + 2]! * 13 +
      bytes[last + 3]! * 37) &
    (HEAD_SLOTS - 2)
  )
}

/** Whether the newer head of the pair at `slot` is long enough to compare through a DataView. */
export function isLongHead(slot: number): boolean {
  const head = heads[slot]
  return head !== undefined && head.words.length >= LONG_HEAD
}

/** The cached head of the pair at `slot` that `bytes[start..end)` begins with, if any. */
export function cachedHead(
  bytes: Uint8Array,
  start: number,
  end: number,
  slot: number,
  view: DataView | undefined,
): Head | undefined {
  let head = heads[slot]
  if (head !== undefined && matches(head.words, bytes, start, end, view)) return head
  head = heads[slot + 1]
  if (head !== undefined && matches(head.words, bytes, start, end, view)) return head
  return undefined
}

function matches(
  words: Int32Array,
  bytes: Uint8Array,
  start: number,
  end: number,
  view: DataView | undefined,
): boolean {
  const count = words.length
  if (end - start < count * 4) return false
  if (view !== undefined) {
    for (let w = 0, o = start; w < count; w++, o += 4) if (view.getInt32(o) !== words[w]) return false
  } else {
    for (let w = 0, o = start; w < count; w++, o += 4) {
      if (((bytes[o]! << 24) | (bytes[o + 1]! << 16) | (bytes[o + 2]! << 8) | bytes[o + 3]!) !== words[w]) return false
    }
  }
  return true
}

/**
 * Remembers the head `bytes[start..argsStart)` (a valid address and type tag string, whose plan has
 * ops) in the pair at `slot`, unless it is too long to be worth keeping.
 */
export function rememberHead(
  bytes: Uint8Array,
  start: number,
  argsStart: number,
  slot: number,
  address: string,
  plan: Plan,
): void {
  const count = (argsStart - start) >> 2
  if (count > MAX_HEAD >> 2) return
  const words = wordsOf(bytes, start, count)
  // The newest head takes the first slot; the one it displaces moves to the second.
  heads[slot + 1] = heads[slot]
  heads[slot] = { words, address, plan }
}

/** `count` big-endian 32-bit words from `bytes[start..]`, copied. */
function wordsOf(bytes: Uint8Array, start: number, count: number): Int32Array {
  const words = new Int32Array(count)
  for (let w = 0, o = start; w < count; w++, o += 4) {
    words[w] = (bytes[o]! << 24) | (bytes[o + 1]! << 16) | (bytes[o + 2]! << 8) | bytes[o + 3]!
  }
  return words
}
