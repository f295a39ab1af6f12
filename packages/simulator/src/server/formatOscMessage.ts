import type { OscMessage, OscValue } from '@live/protocol'

const maxArgs = 12
const maxString = 80

/**
 * One log line for a message: address, type tags and values (long lists and strings shortened).
 *
 * @example
 * formatOscMessage({ address: '/live/track/get/name', types: 'is', args: [0, 'Bass'] }) // '/live/track/get/name ,is 0 "Bass"'
 */
export function formatOscMessage(message: OscMessage): string {
  const shown = message.args.slice(0, maxArgs).map(formatValue)
  if (message.args.length > maxArgs) shown.push(`… (+${message.args.length - maxArgs} more)`)
  const types = message.types === undefined ? '' : ` ,${message.types}`
  return [`${message.address}${types}`, ...shown].join(' ')
}

function formatValue(value: OscValue): string {
  if (typeof value === 'string') {
    const text = value.length > maxString ? `${value.slice(0, maxString)}…` : value
    return JSON.stringify(text)
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  if (value === null) return 'nil'
  if (value instanceof Uint8Array) return `<${value.length} bytes>`
  if (Array.isArray(value)) return `[${value.map(formatValue).join(' ')}]`
  return JSON.stringify(value)
}
