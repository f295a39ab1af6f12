import { didYouMean } from './didYouMean.js'
import { usageError } from './exitCodes.js'

/** A positional argument that must be present; `what` names it in the message. */
export function required(positionals: readonly string[], index: number, what: string, usage: string): string {
  const value = positionals[index]
  if (value === undefined) throw usageError(`missing ${what}`, `Usage: ${usage}`)
  return value
}

/** Parses a whole number in `min..max`, naming the argument and the range when it is not one. */
export function integerArg(text: string, what: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const value = Number(text)
  if (!/^[+-]?\d+$/.test(text.trim()) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `a whole number ≥ ${min}` : `a whole number from ${min} to ${max}`
    throw usageError(`${what} must be ${range} (got "${text}")`)
  }
  return value
}

/** Parses a number in `min..max`, naming the argument and the range when it is not one. */
export function numberArg(
  text: string,
  what: string,
  min = Number.NEGATIVE_INFINITY,
  max = Number.POSITIVE_INFINITY,
): number {
  const value = Number(text)
  if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
    throw usageError(`${what} must be a number from ${min} to ${max} (got "${text}")`)
  }
  return value
}

/** The words @live/protocol's parseBool takes (kept here so the start-up path does not load protocol). */
const BOOL_WORDS: Readonly<Record<string, boolean>> = {
  on: true,
  off: false,
  true: true,
  false: false,
  yes: true,
  no: false,
  '1': true,
  '0': false,
}

/** Parses on/off, true/false, yes/no, 1/0 for the named argument. */
export function boolArg(text: string, what: string): boolean {
  const value = BOOL_WORDS[text.trim().toLowerCase()]
  if (value === undefined) throw usageError(`${what} must be on or off (also true/false, yes/no, 1/0; got "${text}")`)
  return value
}

/** Fails when a command got more positionals than it takes. */
export function noMore(positionals: readonly string[], count: number, usage: string): void {
  if (positionals.length > count) {
    throw usageError(`unexpected argument "${positionals[count]}"`, `Usage: ${usage}`)
  }
}

/** Picks one of the named choices (a word list of the command table), or fails naming them and the nearest. */
export function choiceArg<const C extends string>(text: string, what: string, choices: readonly C[]): C {
  if ((choices as readonly string[]).includes(text)) return text as C
  throw usageError(`${what} must be one of ${choices.join(', ')} (got "${text}")`, didYouMean(text, choices))
}

/** Whose volume, pan or devices: a track index, or (bridge only) `master` or `return/R`. */
export type TrackOwner = { readonly track: number } | { readonly return: number } | { readonly master: true }

/** The words a track argument takes besides an index: `master`, and `return/` before a return track's index. */
export const OWNER_WORDS = ['master', 'return/'] as const

/** A track argument: an index, `master` or `return/R` (the last two need the bridge); with the client's id and words. */
export function trackOwnerArg(
  text: string,
  usage: string,
): { owner: TrackOwner; label: string; id: number | 'master' | `return/${number}` } {
  const [master, returnPrefix] = OWNER_WORDS
  if (text === master) return { owner: { master: true }, label: 'master', id: 'master' }
  const ret = text.startsWith(returnPrefix) ? /^(\d+)$/.exec(text.slice(returnPrefix.length)) : null
  if (ret !== null) {
    const r = integerArg(ret[1]!, 'return track index', 0, 999)
    return { owner: { return: r }, label: `return ${r}`, id: `return/${r}` }
  }
  if (!/^\d+$/.test(text)) {
    throw usageError(`track must be a track index, master or return/R (got "${text}")`, `Usage: ${usage}`)
  }
  const track = integerArg(text, 'track index', 0, 999)
  return { owner: { track }, label: `track ${track}`, id: track }
}

/** A device argument: an index, or (bridge only) a chain path into a rack, `0/1/2`. */
export function deviceArg(text: string, usage: string): number | `${number}/${number}/${number}` {
  if (/^\d+(\/\d+\/\d+)+$/.test(text)) return text as `${number}/${number}/${number}`
  if (!/^\d+$/.test(text)) {
    throw usageError(`device must be a device index or a chain path like 0/1/2 (got "${text}")`, `Usage: ${usage}`)
  }
  return integerArg(text, 'device index', 0, 999)
}
