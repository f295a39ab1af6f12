import type { CatalogueEntry, OscValue } from '@live/protocol'
import { replyEcho } from '../core/replyEcho.js'
import { shapeValue, type ValueShape, valueShape } from './valueOf.js'

/**
 * The value a typed accessor returns for a reply to `sent` on `entry`: the echo removed, then one
 * value, a tuple or a list as the reply layout says.
 *
 * @example
 * replyValue(findEntry('/live/track/get/volume')!, [0], [0, 0.85]) // 0.85
 */
export function replyValue(entry: CatalogueEntry, sent: readonly unknown[], reply: readonly unknown[]): unknown {
  const echo = replyEcho(entry, sent as readonly OscValue[])
  const start = echo.prefix.length
  const end = reply.length - echo.suffix.length
  const shape = shapeOf(entry, start)
  if (shape === 'single') return start < end ? reply[start] : undefined
  return shapeValue(shape, reply.slice(start, end) as OscValue[])
}

const shapes = new WeakMap<CatalogueEntry, ValueShape[]>()

/** `valueShape`, kept per entry and echo length. */
function shapeOf(entry: CatalogueEntry, echoCount: number): ValueShape {
  let byCount = shapes.get(entry)
  if (byCount === undefined) {
    byCount = []
    shapes.set(entry, byCount)
  }
  let shape = byCount[echoCount]
  if (shape === undefined) {
    shape = valueShape(entry, echoCount)
    byCount[echoCount] = shape
  }
  return shape
}
