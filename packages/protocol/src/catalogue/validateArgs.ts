import type { z } from 'zod'
import { LiveError, type LiveErrorCode } from '../errors/liveError.js'
import { type Address, type AddressArgs, type AddressReply, findEntry } from './findEntry.js'
import { type ParamLayout, paramAt, paramLayout, signatureOf } from './paramLayout.js'
import { rangeOf, type ValueRange } from './ranges.js'
import { argsSchema, replySchema } from './schemas.js'
import type { CatalogueEntry, CatalogueParam } from './types.js'

const TYPE_NAMES = {
  int: 'an integer',
  float: 'a number',
  bool: 'a boolean',
  string: 'a string',
  any: 'a number, string, boolean or null',
} as const

/** What a param accepts, in words: `an integer or "*"`. */
function expected(param: CatalogueParam, withWildcard: boolean): string {
  let text: string = TYPE_NAMES[param.type]
  if (param.nullable === true && param.type !== 'any') text += ' or null'
  if (withWildcard && param.wildcard !== undefined) text += ` or "${param.wildcard}"`
  return text
}

/** A value as it would be written in code, shortened. */
function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)
  if (typeof value === 'bigint') return `${value}n`
  if (value instanceof Uint8Array) return `a blob of ${value.length} bytes`
  if (typeof value === 'object' && value !== null) {
    const json = JSON.stringify(value) ?? String(value)
    return json.length > 60 ? `${json.slice(0, 57)}...` : json
  }
  return String(value)
}

function countText(layout: ParamLayout): string {
  const { minCount: min, maxCount: max } = layout
  const noun = (n: number) => (n === 1 ? 'argument' : 'arguments')
  if (max === Number.POSITIVE_INFINITY) return `at least ${min} ${noun(min)}`
  if (min === max) return `${min} ${noun(min)}`
  return `${min} to ${max} arguments`
}

interface Problem {
  readonly text: string
  readonly details: Readonly<Record<string, unknown>>
}

/** Turns zod's first issue into a sentence naming the argument, its position, the value and what was expected. */
function describe(
  entry: CatalogueEntry,
  params: readonly CatalogueParam[],
  input: unknown,
  issue: z.core.$ZodIssue | undefined,
  isRequest: boolean,
): Problem {
  const layout = paramLayout(params)
  if (!Array.isArray(input)) {
    return { text: `expected a list of arguments, got ${show(input)}`, details: { value: input } }
  }
  const index = issue?.path[0]
  if (typeof index !== 'number' || index >= input.length) {
    if (issue?.code === 'custom') return { text: issue.message, details: { count: input.length } }
    return { text: `expected ${countText(layout)}, got ${input.length}`, details: { count: input.length } }
  }
  const param = paramAt(layout, index, input.length)
  const value: unknown = input[index]
  if (param === undefined) {
    return { text: `unexpected argument ${index + 1}: ${show(value)}`, details: { position: index + 1, value } }
  }
  const range: ValueRange | undefined = isRequest ? rangeOf(entry.address, param.name) : undefined
  const name = `argument ${index + 1} (${param.name})`
  const details = { position: index + 1, argument: param.name, value, expected: param.type }
  if (range !== undefined && typeof value === 'number' && (value < range.min || value > range.max)) {
    const text = `${name} must be between ${range.min} and ${range.max}, got ${show(value)}`
    return { text, details: { ...details, min: range.min, max: range.max } }
  }
  return { text: `${name} must be ${expected(param, isRequest)}, got ${show(value)}`, details }
}

function fail(code: LiveErrorCode, shortMessage: string, metaMessages: string[], details: Record<string, unknown>) {
  return new LiveError(code, shortMessage, { metaMessages, details })
}

function entryOrThrow(address: string): CatalogueEntry {
  const entry = findEntry(address)
  if (entry !== undefined) return entry
  throw fail(
    'UNKNOWN_ADDRESS',
    `${address} is not an address of the catalogue`,
    ['Check the spelling: addresses are case-sensitive and start with /live/.'],
    { address },
  )
}

/**
 * Checks request arguments against the catalogue (types, counts, groups, known ranges) and returns them parsed.
 * Throws `INVALID_ARGUMENTS` naming the address, the argument and what it must be; `UNKNOWN_ADDRESS` if the address is not catalogued.
 * A wildcard track id (`'*'`) is accepted where the entry allows it, although `AddressArgs` types it as a number.
 *
 * @example
 * validateArgs('/live/track/set/volume', [0, 0.8]) // [0, 0.8]
 * validateArgs('/live/track/set/volume', [0, 'loud']) // throws INVALID_ARGUMENTS: ... argument 2 (volume) must be a number, got "loud"
 */
export function validateArgs<A extends Address>(address: A, args: readonly unknown[]): AddressArgs<A>
export function validateArgs(address: string, args: readonly unknown[]): unknown[]
export function validateArgs(address: string, args: readonly unknown[]): unknown[] {
  const entry = entryOrThrow(address)
  const result = argsSchema(entry).safeParse(args)
  if (result.success) return result.data
  const problem = describe(entry, entry.params, args, result.error.issues[0], true)
  throw fail('INVALID_ARGUMENTS', `${address}: ${problem.text}`, [`Usage: ${signatureOf(entry)}`], {
    address,
    ...problem.details,
  })
}

/**
 * Checks a reply (or event) received on `address` against the catalogue's reply layout and returns it parsed.
 * Throws `DECODE_FAILED` naming the address when it does not match, or when the address never replies.
 *
 * @example
 * decodeReply('/live/track/get/volume', [0, 0.85]) // [0, 0.85]
 */
export function decodeReply<A extends Address>(
  address: A,
  args: readonly unknown[],
): Exclude<AddressReply<A>, undefined>
export function decodeReply(address: string, args: readonly unknown[]): unknown[]
export function decodeReply(address: string, args: readonly unknown[]): unknown[] {
  const entry = entryOrThrow(address)
  const schema = replySchema(entry)
  if (schema === undefined || entry.reply === null) {
    throw fail(
      'DECODE_FAILED',
      `got a message on ${address}, which never replies`,
      ['Another program may be sending to this port.'],
      { address, value: args },
    )
  }
  const result = schema.safeParse(args)
  if (result.success) return result.data
  const problem = describe(entry, entry.reply, args, result.error.issues[0], false)
  throw fail(
    'DECODE_FAILED',
    `reply on ${address} does not match the catalogue: ${problem.text}`,
    [
      `Expected: ${signatureOf(entry, 'reply')}`,
      'The server may run another AbletonOSC version than the catalogue describes (snapshot 0ca68214).',
    ],
    { address, ...problem.details },
  )
}
