import type { OscPacket, OscValue } from '@live/protocol'
import { nextTurn } from './nextTurn.js'

/** Bundles stay under macOS's default 9216-byte datagram limit. */
export const MAX_BUNDLE_BYTES = 8192
/** `#bundle\0` and the time tag. */
const BUNDLE_HEADER = 16

const pad4 = (n: number): number => (n + 3) & ~3

/**
 * An upper bound of a message's encoded size inside a bundle (its size prefix included): 3 bytes per
 * UTF-16 unit covers any UTF-8, 8 bytes any number.
 *
 * @example
 * messageBytes({ address: '/live/track/get/volume', args: [1], types: 'i' }) // 88
 */
export function messageBytes(message: {
  readonly address: string
  readonly args: readonly OscValue[]
  readonly types: string
}): number {
  let bytes = 4 + pad4(message.address.length * 3 + 1) + pad4(message.types.length + 2)
  for (const value of message.args) {
    if (typeof value === 'string') bytes += pad4(value.length * 3 + 1)
    else if (value instanceof Uint8Array) bytes += 4 + pad4(value.length)
    else bytes += 8
  }
  return bytes
}

/** Packs messages added in one turn of the event loop into OSC bundles. */
export interface Bundler<T> {
  /** Adds a message; the bundles go out at the end of this turn of the event loop. */
  add(item: T): void
  /** Sends what waits now (so a message sent unbundled after them keeps its place on the wire). */
  flush(): void
  /** Whether messages wait. */
  readonly pending: boolean
}

/** What the bundler sends through and whom it tells about a failed send. */
export interface BundlerOptions<T> {
  /** What goes on the wire for an item. */
  readonly message: (item: T) => {
    readonly address: string
    readonly args: readonly OscValue[]
    readonly types: string
  }
  /** False once an item no longer needs sending (answered, aborted): it is left out. */
  readonly live: (item: T) => boolean
  /** Sends one message, or a bundle of several. */
  readonly send: (packet: OscPacket) => Promise<void>
  /** The transport refused a packet: its messages failed. */
  readonly onFailed: (items: readonly T[], error: unknown) => void
}

/**
 * Creates the bundler of bulk reads (viem's `createBatchScheduler` plays the same part for JSON-RPC):
 * what is added in one turn goes out in as few bundles as fit under {@link MAX_BUNDLE_BYTES}, in the
 * order added; a lone message goes as a plain message.
 *
 * @example
 * const bundler = createBundler({ message: (job) => job.message, live: (job) => !job.done, send, onFailed })
 * bundler.add(job)
 */
export function createBundler<T>(options: BundlerOptions<T>): Bundler<T> {
  let batch: T[] = []
  let scheduled = false

  function out(members: T[]): void {
    if (members.length === 0) return
    const messages = members.map((member) => {
      const { address, args, types } = options.message(member)
      return { address, args, types }
    })
    const packet: OscPacket =
      messages.length === 1 ? messages[0]! : { timeTag: { seconds: 0, fraction: 1 }, elements: messages }
    options.send(packet).then(
      () => {},
      (error: unknown) => options.onFailed(members, error),
    )
  }

  function flush(): void {
    const items = batch
    batch = []
    let group: T[] = []
    let bytes = BUNDLE_HEADER
    for (const item of items) {
      if (!options.live(item)) continue
      const size = messageBytes(options.message(item))
      if (group.length > 0 && bytes + size > MAX_BUNDLE_BYTES) {
        out(group)
        group = []
        bytes = BUNDLE_HEADER
      }
      group.push(item)
      bytes += size
    }
    out(group)
  }

  return {
    add(item) {
      batch.push(item)
      if (scheduled) return
      scheduled = true
      nextTurn(() => {
        scheduled = false
        if (batch.length > 0) flush()
      })
    },
    flush() {
      if (batch.length > 0) flush()
    },
    get pending() {
      return batch.length > 0
    },
  }
}
