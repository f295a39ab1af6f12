import { encodePacket, isLiveError, LiveError, type OscMessage, type PacketSource } from '@live/protocol'
import { portInUseError } from '../errors.js'
import { controlPath } from './controlFrames.js'
import { type ReplyHub, startReplyHub } from './replyHub.js'
import { joinReplyHub, type ReplyMember } from './replyMember.js'
import { createListenerLedger, listenerAddresses } from './replyRouter.js'

/** What sharing the reply port needs. */
export interface SharedReplyPortOptions {
  /** The shared reply port, e.g. 11001. */
  readonly replyPort: number
  /** The interface the hub binds the reply port on. */
  readonly bindAddress: string
  /** How long open() and a hand-over keep trying before PORT_IN_USE, in ms. */
  readonly handoverTimeoutMs: number
  /** The control channel's path. @default controlPath(replyPort) */
  readonly path?: string | undefined
  /** Delivers every datagram routed to this process. */
  readonly onDatagram: (datagram: Uint8Array, source: PacketSource) => void
  /** Reports socket errors and a failed hand-over. */
  readonly onError: (error: LiveError) => void
}

/** This process's part in sharing a reply port. */
export type ReplyPortRole = 'hub' | 'member' | 'handing-over' | 'closed'

/** A reply port shared between the processes of one machine. */
export interface SharedReplyPort {
  /** Whether this process holds the port, receives through the hub, or is between the two. */
  readonly role: ReplyPortRole
  /** Records a packet about to be sent, so its replies and listener updates come back here. */
  announce(datagram: Uint8Array, messages: readonly OscMessage[]): Promise<void>
  /** Leaves the port; a hub hands it over to a member. */
  close(): Promise<void>
}

/** How long a member waits for the hub's welcome before it counts as absent, in ms. */
const welcomeTimeoutMs = 1_000

/**
 * Becomes the hub of the reply port, or a member of the hub that holds it; rejects with PORT_IN_USE
 * when a program that is not ours holds it.
 *
 * @example
 * const shared = await openSharedReplyPort({ replyPort: 11001, bindAddress: '0.0.0.0', handoverTimeoutMs: 1500, onDatagram, onError })
 */
export async function openSharedReplyPort(options: SharedReplyPortOptions): Promise<SharedReplyPort> {
  const path = options.path ?? controlPath(options.replyPort)
  const ledger = createListenerLedger()
  let current:
    | { readonly role: 'hub'; readonly hub: ReplyHub }
    | { readonly role: 'member'; readonly member: ReplyMember }
    | undefined
  let closed = false
  let handingOver: Promise<void> | undefined
  let wake: (() => void) | undefined

  /** `background`: a hand-over's wait, which keeps no script alive whose own work is done (open() waits in the foreground). */
  function sleep(ms: number, background: boolean): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms)
      if (background) timer.unref()
      function done(): void {
        clearTimeout(timer)
        wake = undefined
        resolve()
      }
      wake = done
    })
  }

  async function tryAcquire(): Promise<boolean> {
    const hub = await startReplyHub({ ...options, path })
    if (hub) {
      if (closed) {
        await hub.close()
        return true
      }
      hub.noteSent(ledger.messages())
      current = { role: 'hub', hub }
      return true
    }
    const member = await joinReplyHub({
      path,
      timeoutMs: welcomeTimeoutMs,
      replay: ledger.messages().map((message) => encodePacket(message)),
      onDatagram: options.onDatagram,
      onLost: handOver,
    })
    if (!member) return false
    if (closed) member.close()
    else current = { role: 'member', member }
    return true
  }

  /** Tries to become hub or member until `deadline`; the gaps are jittered so members do not collide. */
  async function acquire(deadline: number, background: boolean): Promise<boolean> {
    for (;;) {
      if (await tryAcquire()) return true
      if (closed || Date.now() >= deadline) return false
      await sleep(10 + Math.random() * 40, background)
    }
  }

  function handOver(): void {
    current = undefined
    if (closed) return
    handingOver = (async () => {
      if (await acquire(Date.now() + options.handoverTimeoutMs, true)) return
      if (closed) return
      options.onError(portInUseError(options.replyPort, options.bindAddress))
      while (!closed && !(await tryAcquire())) await sleep(500, true)
    })().catch((error: unknown) => {
      options.onError(
        isLiveError(error) ? error : new LiveError('INTERNAL', 'reply port hand-over failed', { cause: error }),
      )
    })
  }

  if (!(await acquire(Date.now() + options.handoverTimeoutMs, false)))
    throw portInUseError(options.replyPort, options.bindAddress)

  return {
    get role() {
      if (closed) return 'closed'
      return current?.role ?? 'handing-over'
    },
    announce(datagram, messages) {
      ledger.note(messages)
      if (current?.role === 'hub') current.hub.noteSent(messages)
      else if (
        current?.role === 'member' &&
        messages.some((m) => !m.address.includes('/set/') || listenerAddresses(m.address))
      ) {
        return current.member.announce(datagram)
      }
      return Promise.resolve()
    },
    async close() {
      if (closed) return
      closed = true
      wake?.()
      await handingOver
      const last = current
      current = undefined
      if (last?.role === 'hub') await last.hub.close()
      else last?.member.close()
    },
  }
}
