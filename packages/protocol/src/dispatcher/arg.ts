import type { LomValue } from '../model/liveObjectModel.js'
import type { DecodedOscMessage, OscMessage, OscValue } from '../osc/types.js'
import { PyError, pyFloatRepr, pyStrRepr } from './pyError.js'

/** One OSC argument with its type tag (`i f s T F N ...`; `[` for an array). */
export interface Arg {
  readonly value: OscValue
  readonly tag: string
}

/** How a property's value travels: int, float, string, bool, or inferred from the value. */
export type ValueKind = 'i' | 'f' | 's' | 'b' | 'a'

/** Pairs a decoded message's arguments with their top-level type tags. */
export function argsOf(message: DecodedOscMessage): Arg[] {
  const { types, args } = message
  if (!types.includes('[')) {
    // No arrays: the tags are the type string itself, after its comma.
    const start = types.startsWith(',') ? 1 : 0
    const out: Arg[] = []
    for (let i = 0; i < args.length; i++) {
      const value = args[i]!
      out.push({ value, tag: types[start + i] ?? inferTag(value) })
    }
    return out
  }
  const tags: string[] = []
  let depth = 0
  for (const ch of message.types) {
    if (ch === ',') continue
    if (ch === '[') {
      if (depth === 0) tags.push('[')
      depth++
    } else if (ch === ']') depth--
    else if (depth === 0) tags.push(ch)
  }
  return message.args.map((value, i) => ({ value, tag: tags[i] ?? inferTag(value) }))
}

/** The tag our encoder would infer for a value. */
export function inferTag(value: OscValue): string {
  if (value === null) return 'N'
  if (typeof value === 'boolean') return value ? 'T' : 'F'
  if (typeof value === 'string') return 's'
  if (typeof value === 'bigint') return 'h'
  if (typeof value === 'number') return Number.isInteger(value) ? 'i' : 'f'
  if (Array.isArray(value)) return '['
  return 'b'
}

/** True when the argument is a Python int (bools are ints in Python too). */
export const isPyInt = (arg: Arg): boolean => arg.tag === 'i' || arg.tag === 'h' || arg.tag === 'T' || arg.tag === 'F'
/** True when the argument is a Python float. */
export const isPyFloat = (arg: Arg): boolean => arg.tag === 'f' || arg.tag === 'd'
/** True when the argument is a Python str. */
export const isPyStr = (arg: Arg): boolean => arg.tag === 's' || arg.tag === 'S' || arg.tag === 'c'

/** The Python type name of an argument, as Boost.Python prints it. */
export function pyTypeName(arg: Arg): string {
  if (arg.tag === 'T' || arg.tag === 'F') return 'bool'
  if (isPyInt(arg)) return 'int'
  if (isPyFloat(arg)) return 'float'
  if (isPyStr(arg)) return 'str'
  if (arg.tag === 'N') return 'NoneType'
  if (arg.tag === '[') return 'list'
  return 'bytes'
}

/** The argument as a plain number, for Python code that uses it as a number. */
export function numberOf(arg: Arg): number {
  const v = arg.value
  if (typeof v === 'boolean') return v ? 1 : 0
  if (typeof v === 'bigint') return Number(v)
  return typeof v === 'number' ? v : Number.NaN
}

/** Python's `int(x)`: truncates floats, parses numeric strings, raises Python's own errors. */
export function pyInt(arg: Arg): number {
  const v = arg.value
  if (typeof v === 'boolean') return v ? 1 : 0
  if (typeof v === 'bigint') return Number(v)
  if (typeof v === 'number') {
    if (Number.isNaN(v)) throw new PyError('ValueError', 'cannot convert float NaN to integer')
    if (!Number.isFinite(v)) throw new PyError('OverflowError', 'cannot convert float infinity to integer')
    return Math.trunc(v)
  }
  if (typeof v === 'string') {
    const trimmed = v.trim()
    if (/^[+-]?\d+(_\d+)*$/.test(trimmed)) return Number.parseInt(trimmed.replace(/_/g, ''), 10)
    throw new PyError('ValueError', `invalid literal for int() with base 10: ${pyStrRepr(v)}`)
  }
  throw new PyError(
    'TypeError',
    `int() argument must be a string, a bytes-like object or a real number, not '${pyTypeName(arg)}'`,
  )
}

/** A key under which Python's tuple equality holds (`0 == 0.0 == False`), for listener tables. */
export function pyKey(args: readonly Arg[]): string {
  return JSON.stringify(args.map((a) => (typeof a.value === 'boolean' ? (a.value ? 1 : 0) : pyPlain(a.value))))
}

function pyPlain(value: OscValue): unknown {
  if (typeof value === 'bigint') return Number(value)
  if (value instanceof Uint8Array) return Array.from(value)
  return value
}

/** Python's `repr()` of one argument. */
export function pyRepr(arg: Arg): string {
  const v = arg.value
  if (v === null) return 'None'
  if (typeof v === 'boolean') return v ? 'True' : 'False'
  if (typeof v === 'string') return pyStrRepr(v)
  if (typeof v === 'bigint') return String(v)
  if (typeof v === 'number') return isPyFloat(arg) ? pyFloatRepr(v) : String(v)
  return String(v)
}

/** Python's `repr()` of a tuple of arguments: `(0,)`, `(0, 1)`, `()`. */
export function pyTupleRepr(args: readonly Arg[]): string {
  if (args.length === 1) return `(${pyRepr(args[0]!)},)`
  return `(${args.map(pyRepr).join(', ')})`
}

/** An int argument for a reply. */
export const int = (value: number): Arg => ({ value, tag: 'i' })
/** A float argument for a reply. */
export const float = (value: number): Arg => ({ value, tag: 'f' })
/** A string argument for a reply. */
export const str = (value: string): Arg => ({ value, tag: 's' })
/** The nil argument. */
export const nil: Arg = { value: null, tag: 'N' }

/** Types a LOM value the way AbletonOSC's builder would type the Python value. */
export function lomArg(value: LomValue | undefined, kind: ValueKind): Arg {
  if (value === null || value === undefined) return nil
  if (typeof value === 'boolean') return { value, tag: value ? 'T' : 'F' }
  if (typeof value === 'string') return str(value)
  if (typeof value === 'number') {
    if (kind === 'f') return float(value)
    if (kind === 'b') return { value: value !== 0, tag: value !== 0 ? 'T' : 'F' }
    return Number.isInteger(value) ? int(value) : float(value)
  }
  throw new PyError('ValueError', 'Infered arg_value type is not supported')
}

/** Builds an outgoing message from typed arguments. */
export function messageOf(address: string, args: readonly Arg[]): OscMessage {
  // One pass, no intermediate array of tags: this runs for every reply.
  let types = ''
  const values: OscValue[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    types += arg.tag
    values.push(arg.value)
  }
  return { address, types, args: values }
}
