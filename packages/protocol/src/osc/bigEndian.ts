/**
 * Big-endian reads and writes on a plain Uint8Array. Creating a DataView per packet costs more than
 * encoding a small message (and forces V8 to move small on-heap arrays off the heap), so numbers go
 * through shifts, and floats through one long-lived 8-byte scratch DataView.
 */

const scratch = new Uint8Array(8)
const scratchView = new DataView(scratch.buffer)

/** Reads a signed 32-bit integer. */
export function readInt32(bytes: Uint8Array, offset: number): number {
  return (bytes[offset]! << 24) | (bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!
}

/** Reads an unsigned 32-bit integer. */
export function readUint32(bytes: Uint8Array, offset: number): number {
  return readInt32(bytes, offset) >>> 0
}

/** 2^(e - 150) for each biased float32 exponent e: a float's value is its 24-bit significand times this. */
const POW2 = new Float64Array(256)
for (let e = 0; e < 256; e++) POW2[e] = 2 ** (e - 150)

/** Reads a 32-bit float (from its bits: faster than a round trip through a scratch DataView). */
export function readFloat32(bytes: Uint8Array, offset: number): number {
  const bits = readInt32(bytes, offset)
  const exponent = (bits >>> 23) & 0xff
  const mantissa = bits & 0x7fffff
  let magnitude: number
  if (exponent === 0)
    magnitude = mantissa * POW2[1]! // subnormal: no implicit leading 1
  else if (exponent === 0xff) magnitude = mantissa === 0 ? Number.POSITIVE_INFINITY : Number.NaN
  else magnitude = (mantissa | 0x800000) * POW2[exponent]!
  return bits < 0 ? -magnitude : magnitude
}

/** Reads a 64-bit float. */
export function readFloat64(bytes: Uint8Array, offset: number): number {
  for (let i = 0; i < 8; i++) scratch[i] = bytes[offset + i]!
  return scratchView.getFloat64(0)
}

/** Reads a signed 64-bit integer. */
export function readBigInt64(bytes: Uint8Array, offset: number): bigint {
  for (let i = 0; i < 8; i++) scratch[i] = bytes[offset + i]!
  return scratchView.getBigInt64(0)
}

/** Writes a 32-bit integer (signed or unsigned: the low 32 bits). */
export function writeInt32(bytes: Uint8Array, offset: number, value: number): void {
  bytes[offset] = value >>> 24
  bytes[offset + 1] = value >>> 16
  bytes[offset + 2] = value >>> 8
  bytes[offset + 3] = value
}

/** Writes a 32-bit float. */
export function writeFloat32(bytes: Uint8Array, offset: number, value: number): void {
  scratchView.setFloat32(0, value)
  bytes[offset] = scratch[0]!
  bytes[offset + 1] = scratch[1]!
  bytes[offset + 2] = scratch[2]!
  bytes[offset + 3] = scratch[3]!
}

/** Writes a 64-bit float. */
export function writeFloat64(bytes: Uint8Array, offset: number, value: number): void {
  scratchView.setFloat64(0, value)
  for (let i = 0; i < 8; i++) bytes[offset + i] = scratch[i]!
}

/** Writes a signed 64-bit integer. */
export function writeBigInt64(bytes: Uint8Array, offset: number, value: bigint): void {
  scratchView.setBigInt64(0, value)
  for (let i = 0; i < 8; i++) bytes[offset + i] = scratch[i]!
}
