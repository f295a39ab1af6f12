import { LomError, type LomErrorKind } from '../model/liveObjectModel.js'

/** The Python exception classes AbletonOSC's handlers can raise (Live's own plus a few of Python's). */
export type PyErrorKind = LomErrorKind | 'KeyError' | 'OverflowError' | 'Exception'

/** A Python exception as AbletonOSC would see it: its class and its `str()`. */
export class PyError extends Error {
  override name = 'PyError'
  /** The Python exception class. */
  readonly kind: PyErrorKind
  constructor(kind: PyErrorKind, text: string) {
    super(text)
    this.kind = kind
  }
}

/** Converts anything thrown by a handler or the model into a {@link PyError}. */
export function toPyError(error: unknown): PyError {
  if (error instanceof PyError) return error
  if (error instanceof LomError) return new PyError(error.kind, error.message)
  if (error instanceof Error) return new PyError('Exception', error.message)
  return new PyError('Exception', String(error))
}

/** Python's `repr()` of a str: single quotes unless the text holds a single quote and no double quote. */
export function pyStrRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'"
  let body = ''
  for (const ch of text) {
    if (ch === '\\') body += '\\\\'
    else if (ch === quote) body += `\\${quote}`
    else if (ch === '\n') body += '\\n'
    else if (ch === '\r') body += '\\r'
    else if (ch === '\t') body += '\\t'
    else body += ch
  }
  return quote + body + quote
}

/** Python's `repr()` of a float: always with a decimal point or exponent. */
export function pyFloatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan'
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf'
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return value.toFixed(1)
  return String(value)
}

/** `list index out of range`: a missing argument read from the message's argument list. */
export const listIndexError = (): PyError => new PyError('IndexError', 'list index out of range')
/** `tuple index out of range`: a missing argument read after the wrapper sliced the arguments. */
export const tupleIndexError = (): PyError => new PyError('IndexError', 'tuple index out of range')
/** Live's own text for a position past the end of one of its vectors. */
export const liveIndexError = (): PyError => new PyError('IndexError', 'Index out of range')
/** Live's text when a vector is indexed with something that is not an int. */
export const invalidIndexType = (): PyError => new PyError('TypeError', 'Invalid index type')
/** `'NoneType' object has no attribute 'x'`: an operation on an empty clip slot's clip. */
export const noneAttributeError = (attribute: string): PyError =>
  new PyError('AttributeError', `'NoneType' object has no attribute '${attribute}'`)
/** `'<Class>' object has no attribute 'add_<prop>_listener'`: a property Live cannot observe. */
export const noListenerError = (className: string, property: string): PyError =>
  new PyError('AttributeError', `'${className}' object has no attribute 'add_${property}_listener'`)
/** Python's text when unpacking finds too few values, e.g. `send_id, = ()`. */
export const unpackError = (expected: number, got: number): PyError =>
  new PyError('ValueError', `not enough values to unpack (expected ${expected}, got ${got})`)

/**
 * Boost.Python's text when Live's C++ rejects the argument types (e.g. a float for an int).
 * Approximate: the C++ half of Live's real message (type names) is not reproduced exactly.
 */
export function signatureError(className: string, method: string, got: readonly string[], expected: readonly string[]) {
  return new PyError(
    'TypeError',
    `Python argument types in\n    ${className}.${method}(${[className, ...got].join(', ')})\n` +
      `did not match C++ signature:\n    ${method}(T${className} {lvalue}${expected.map((t) => `, ${t}`).join('')})`,
  )
}

/** Boost.Python's text when a property setter gets the wrong type (Live's property setters have no name). */
export function setterSignatureError(className: string, got: string, expected: string): PyError {
  return new PyError(
    'TypeError',
    `Python argument types in\n    None.None(${className}, ${got})\n` +
      `did not match C++ signature:\n    None(T${className} {lvalue}, ${expected})`,
  )
}
