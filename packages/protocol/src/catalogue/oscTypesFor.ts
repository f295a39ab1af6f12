import { LiveError } from '../errors/liveError.js'
import { paramAt, paramLayout } from './paramLayout.js'
import type { CatalogueEntry, CatalogueParam } from './types.js'

/** The tag a value gets when its param says nothing more (an `any` param, or an argument past the list). */
function inferTag(value: unknown, address: string, position: number): string {
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) <= 0x7fffffff ? 'i' : 'f'
  if (typeof value === 'string') return 's'
  if (typeof value === 'boolean') return value ? 'T' : 'F'
  if (value === null) return 'N'
  if (typeof value === 'bigint') return 'h'
  if (value instanceof Uint8Array) return 'b'
  throw new LiveError('ENCODE_FAILED', `${address}: argument ${position} cannot be sent as OSC (${typeof value})`, {
    metaMessages: ['Send numbers, strings, booleans or null.'],
    details: { address, position },
  })
}

function tagFor(param: CatalogueParam | undefined, value: unknown, address: string, position: number): string {
  if (param === undefined) return inferTag(value, address, position)
  if (value === null) return 'N'
  if (typeof value === 'number' && param.type === 'int') return 'i'
  if (typeof value === 'number' && param.type === 'float') return 'f'
  if (typeof value === 'boolean' && param.type === 'bool') return value ? 'T' : 'F'
  if (typeof value === 'string' && (param.type === 'string' || value === param.wildcard)) return 's'
  return inferTag(value, address, position)
}

/**
 * The OSC type tags (without the comma) to send `args` to `entry`: the declared type decides
 * (so 120 for a float param travels as `f`), `any` params and extra arguments are inferred from the value,
 * repeated params repeat, and the `'*'` track wildcard is a string.
 *
 * @example
 * oscTypesFor(findEntry('/live/song/set/tempo')!, [120]) // 'f'
 * oscTypesFor(findEntry('/live/clip/add/notes')!, [0, 0, 60, 0, 1, 100, false]) // 'iiifffF'
 */
export function oscTypesFor(entry: CatalogueEntry, args: readonly unknown[]): string {
  const layout = paramLayout(entry.params)
  let tags = ''
  args.forEach((value, index) => {
    tags += tagFor(paramAt(layout, index, args.length), value, entry.address, index + 1)
  })
  return tags
}
