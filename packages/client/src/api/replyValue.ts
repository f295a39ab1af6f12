import type { CatalogueEntry, OscValue } from '@live/protocol'
import { replyEcho } from '../core/replyEcho.js'
import { shapeValue, valueShape } from './valueOf.js'

/**
 * The value a typed accessor returns for a reply to `sent` on `entry`: the echo removed, then one
 * value, a tuple or a list as the reply layout says.
 *
 * @example
 * replyValue(findEntry('/live/track/get/volume')!, [0], [0, 0.85]) // 0.85
 */
export function replyValue(entry: CatalogueEntry, sent: readonly unknown[], reply: readonly unknown[]): unknown {
  const echo = replyEcho(entry, sent as readonly OscValue[])
  const values = reply.slice(echo.prefix.length, reply.length - echo.suffix.length) as OscValue[]
  return shapeValue(valueShape(entry, echo.prefix.length), values)
}
