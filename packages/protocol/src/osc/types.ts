/**
 * OSC packets as plain data. A message carries its type tags (without the leading comma) beside
 * its values, so the catalogue can say exactly how a number travels (`i` or `f`) and a decoded
 * reply keeps what the server sent (`T`/`F`, `N`).
 */

/** An NTP time tag: seconds since 1900-01-01 and a 32-bit binary fraction. */
export interface OscTimeTag {
  /** Whole seconds since 1900-01-01 UTC (unsigned 32-bit). */
  readonly seconds: number
  /** Fraction of a second in units of 2^-32 (unsigned 32-bit). */
  readonly fraction: number
}

/** An OSC 1.1 RGBA colour (`r`), each channel 0..255. */
export interface OscColor {
  readonly r: number
  readonly g: number
  readonly b: number
  readonly a: number
}

/**
 * One OSC argument value. By tag: `i f d` number, `h` bigint, `s S` string, `c` one-character string,
 * `b` Uint8Array, `t` OscTimeTag, `T` true, `F` false, `N` null, `I` Infinity, `r` OscColor,
 * `m` Uint8Array of 4 MIDI bytes (port, status, data1, data2), `[ ]` an array of values.
 */
export type OscValue =
  | number
  | bigint
  | string
  | boolean
  | null
  | Uint8Array
  | OscTimeTag
  | OscColor
  | readonly OscValue[]

/** An OSC message. */
export interface OscMessage {
  /** The address pattern, e.g. `/live/track/get/volume`. */
  readonly address: string
  /**
   * Type tags without the leading comma, e.g. `if`, `i[ff]`. When omitted on encode, they are
   * inferred: integer → `i`, other number → `f`, string → `s`, boolean → `T`/`F`, null → `N`,
   * bigint → `h`, Uint8Array → `b`, array → `[...]`.
   */
  readonly types?: string | undefined
  /** The argument values, in tag order (array tags hold nested arrays). */
  readonly args: readonly OscValue[]
}

/** An OSC bundle: a time tag and its elements, messages or bundles. */
export interface OscBundle {
  readonly timeTag: OscTimeTag
  readonly elements: readonly OscPacket[]
}

/** A message or a bundle. */
export type OscPacket = OscMessage | OscBundle

/** A decoded message: its types are always known. */
export interface DecodedOscMessage extends OscMessage {
  readonly types: string
}

/** True when the packet is a bundle. */
export function isBundle(packet: OscPacket): packet is OscBundle {
  return (packet as OscBundle).elements !== undefined
}

/** The time tag that means "immediately" (OSC 1.0: seconds 0, fraction 1). */
export const IMMEDIATELY: OscTimeTag = Object.freeze({ seconds: 0, fraction: 1 })

/** A decoded bundle: its messages have their types. */
export interface DecodedOscBundle {
  readonly timeTag: OscTimeTag
  readonly elements: readonly DecodedOscPacket[]
}

/** What the decoder returns. */
export type DecodedOscPacket = DecodedOscMessage | DecodedOscBundle
