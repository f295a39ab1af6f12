import type { CatalogueEntry, OscValue } from '@live/protocol'

/** What a reply to a request must echo back to be its reply (shared/protocol/BEHAVIOUR.md §5). */
export interface ReplyEcho {
  /** Values the reply starts with (index arguments; song listener extras). */
  readonly prefix: readonly OscValue[]
  /** Values the reply ends with (song getters echo their extra arguments after the value). */
  readonly suffix: readonly OscValue[]
}

/** No echo at all: bulk song replies, matched first in, first out per address. */
export const NO_ECHO: ReplyEcho = Object.freeze({ prefix: [], suffix: [] })

/**
 * What a reply to `args` sent to `entry` echoes: leading params the reply repeats by name are a
 * prefix, a variadic `extra` repeated at the reply's end is a suffix; bulk replies echo nothing.
 *
 * @example
 * replyEcho(findEntry('/live/track/get/volume')!, [2]) // { prefix: [2], suffix: [] }
 */
export function replyEcho(entry: CatalogueEntry, args: readonly OscValue[]): ReplyEcho {
  const echoed = echoedIndexCount(entry)
  if (echoed > 0 && args.length > 0) {
    return { prefix: args.length <= echoed ? args : args.slice(0, echoed), suffix: NO_ECHO.suffix }
  }
  const params = entry.params
  const reply = entry.reply ?? []
  const prefix: OscValue[] = []
  for (let i = 0; i < params.length && i < reply.length; i++) {
    const param = params[i]!
    if (param.name !== reply[i]!.name) break
    if (param.variadic === true) return { prefix: [...prefix, ...args.slice(i)], suffix: [] }
    if (i >= args.length) break
    prefix.push(args[i]!)
  }
  const last = reply.at(-1)
  if (prefix.length === 0 && last?.variadic === true && reply.length > 1) {
    const at = params.findIndex((p) => p.variadic === true && p.name === last.name)
    if (at >= 0) return { prefix, suffix: args.slice(at) }
  }
  return prefix.length === 0 ? NO_ECHO : { prefix, suffix: [] }
}

const echoedCounts = new WeakMap<CatalogueEntry, number>()

/** How many leading params the reply repeats by name when none is variadic (the common case); 0 otherwise. */
function echoedIndexCount(entry: CatalogueEntry): number {
  let count = echoedCounts.get(entry)
  if (count === undefined) {
    const reply = entry.reply ?? []
    count = 0
    for (let i = 0; i < entry.params.length && i < reply.length; i++) {
      const param = entry.params[i]!
      if (param.name !== reply[i]!.name) break
      if (param.variadic === true) {
        count = 0
        break
      }
      count++
    }
    echoedCounts.set(entry, count)
  }
  return count
}

/** Whether a received value is the echo of a sent one: `'*'` echoes as any index, numbers as 32-bit floats or ints. */
export function sameEcho(sent: OscValue | undefined, received: OscValue | undefined): boolean {
  if (sent === '*') return typeof received === 'number'
  if (sent === received) return true
  if (typeof sent === 'number' && typeof received === 'number') {
    return Math.fround(sent) === Math.fround(received) || Math.trunc(sent) === received
  }
  if (typeof sent === 'string' && typeof received === 'number') return Number(sent) === received
  return false
}

/** Whether `args` carries `echo` and at least `minValues` values besides it. */
export function matchesEcho(echo: ReplyEcho, args: readonly OscValue[], minValues: number): boolean {
  const { prefix, suffix } = echo
  if (args.length < prefix.length + suffix.length + minValues) return false
  for (let i = 0; i < prefix.length; i++) if (!sameEcho(prefix[i], args[i])) return false
  const offset = args.length - suffix.length
  for (let i = 0; i < suffix.length; i++) if (!sameEcho(suffix[i], args[offset + i])) return false
  return true
}

/** How many values a reply to `entry` carries at least, besides its echo. */
export function minReplyValues(entry: CatalogueEntry, echo: ReplyEcho): number {
  let required = requiredCounts.get(entry)
  if (required === undefined) {
    required = (entry.reply ?? []).filter((p) => p.optional !== true && p.variadic !== true).length
    requiredCounts.set(entry, required)
  }
  return Math.max(0, required - echo.prefix.length)
}

const requiredCounts = new WeakMap<CatalogueEntry, number>()

/** Where the (first) reply to `entry` arrives: its `replyAddress`, or the request address itself. */
export function replyAddressOf(entry: CatalogueEntry): string {
  const { replyAddress } = entry
  if (replyAddress === undefined) return entry.address
  return typeof replyAddress === 'string' ? replyAddress : (replyAddress[0] ?? entry.address)
}
