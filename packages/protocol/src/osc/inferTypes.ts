import type { OscValue } from './types.js'

const INT32_MIN = -0x80000000
const INT32_MAX = 0x7fffffff

/**
 * The type tag (a char code) a value travels as when a message gives no `types`, or 0 when there is none:
 * int32 integer → `i`, other number → `f`, string → `s`, boolean → `T`/`F`, null → `N`, bigint → `h`,
 * Uint8Array → `b`, array → `[`, OscTimeTag → `t`, OscColor → `r`. An integer outside int32 has no
 * inferred tag: silently sending it as a float would lose precision, so the caller must choose.
 */
export function inferTag(value: unknown): number {
  switch (typeof value) {
    case 'number':
      if (Number.isInteger(value)) return (value as number) >= INT32_MIN && (value as number) <= INT32_MAX ? 0x69 : 0
      return 0x66
    case 'string':
      return 0x73
    case 'boolean':
      return value ? 0x54 : 0x46
    case 'bigint':
      return 0x68
    case 'object':
      if (value === null) return 0x4e
      if (value instanceof Uint8Array) return 0x62
      if (Array.isArray(value)) return 0x5b
      if (isTimeTagLike(value)) return 0x74
      if (isColorLike(value)) return 0x72
      return 0
    default:
      return 0
  }
}

/**
 * The type tags (without the comma) that `encodePacket` infers for `args`; throws nothing, returns
 * `undefined` when a value has no inferred tag.
 *
 * @example
 * inferTypes([0, 0.8, 'Bass', true, [1, 2]]) // 'ifsT[ii]'
 */
export function inferTypes(args: readonly OscValue[]): string | undefined {
  let types = ''
  for (const value of args) {
    const tag = inferTag(value)
    if (tag === 0) return undefined
    if (tag === 0x5b) {
      const inner = inferTypes(value as readonly OscValue[])
      if (inner === undefined) return undefined
      types += '[' + inner + ']'
    } else {
      types += String.fromCharCode(tag)
    }
  }
  return types
}

function isTimeTagLike(value: object): boolean {
  return typeof (value as { seconds?: unknown }).seconds === 'number'
}

function isColorLike(value: object): boolean {
  return typeof (value as { r?: unknown }).r === 'number'
}
