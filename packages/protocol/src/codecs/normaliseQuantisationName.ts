import { LiveError } from '../errors/liveError.js'

/** A quantisation name reduced to compare forgivingly: "8 Bars" → "8bar", "1/8 + 1/8 T" → "1/8+1/8t", "Off" → "none". */
export function normaliseQuantisationName(text: string): string {
  const compact = text
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/triplets?|trip/g, 't')
    .replace(/bars/g, 'bar')
  if (compact === 'off' || compact === 'no' || compact === 'never') return 'none'
  return compact
}

/** Parses a name or an int against a table of canonical names indexed by Live's int; `what` names the property in errors. */
export function parseQuantisation<Name extends string>(
  input: string | number,
  names: readonly Name[],
  what: string,
  aliases: Readonly<Record<string, number>> = {},
): number {
  if (typeof input === 'number') return checkQuantisation(input, names, what, 'INVALID_ARGUMENTS')
  const key = normaliseQuantisationName(input)
  const alias = aliases[key]
  if (alias !== undefined) return alias
  for (let i = 0; i < names.length; i++) {
    if (normaliseQuantisationName(names[i]!) === key) return i
  }
  throw new LiveError('INVALID_ARGUMENTS', `"${input}" is not a ${what}: expected one of ${names.join(', ')}`, {
    details: { value: input, valid: names },
  })
}

/** Checks that `value` is one of Live's ints for the table (0..names.length-1). */
export function checkQuantisation(
  value: number,
  names: readonly string[],
  what: string,
  code: 'INVALID_ARGUMENTS' | 'DECODE_FAILED',
): number {
  if (!Number.isInteger(value) || value < 0 || value >= names.length) {
    throw new LiveError(
      code,
      `${what} ${String(value)} is out of range: Live's values are 0..${names.length - 1} (${names
        .map((name, i) => `${i} ${name}`)
        .join(', ')})`,
      { details: { value, min: 0, max: names.length - 1 } },
    )
  }
  return value
}
