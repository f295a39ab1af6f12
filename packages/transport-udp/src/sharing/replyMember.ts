import { createConnection, type Socket } from 'node:net'
import type { PacketSource } from '@live/protocol'
import {
  controlMagic,
  createFrameReader,
  encodeFrame,
  FrameKind,
  readPacketPayload,
  seqPayload,
} from './controlFrames.js'

/** How long a send waits for the hub to record its announce, in ms. */
const announceTimeoutMs = 1_000

/** What a member needs to join the hub. */
export interface ReplyMemberOptions {
  /** The control channel's path (see `controlPath`). */
  readonly path: string
  /** How long to wait for the hub's welcome, in ms. */
  readonly timeoutMs: number
  /** Encoded `start_listen` messages to register again with this hub (after a hand-over). */
  readonly replay: readonly Uint8Array[]
  /** Delivers a datagram the hub routed to this process. */
  readonly onDatagram: (datagram: Uint8Array, source: PacketSource) => void
  /** Called once when the hub goes away (not when this member closes). */
  readonly onLost: () => void
}

/** A process that receives its replies through the hub. */
export interface ReplyMember {
  /** Tells the hub what this process is about to send; resolves once recorded, or when the hub is gone. */
  announce(datagram: Uint8Array): Promise<void>
  /** Leaves the hub. */
  close(): void
}

/**
 * Connects to the hub of a reply port; resolves undefined when no hub of ours answers.
 *
 * @example
 * const member = await joinReplyHub({ path, timeoutMs: 500, replay: [], onDatagram, onLost })
 */
export function joinReplyHub(options: ReplyMemberOptions): Promise<ReplyMember | undefined> {
  return new Promise((resolve) => {
    const connection: Socket = createConnection(options.path)
    const acks = new Map<number, () => void>()
    let seq = 0
    let state: 'joining' | 'joined' | 'gone' = 'joining'

    const timer = setTimeout(() => fail(), options.timeoutMs)
    function fail(): void {
      if (state !== 'joining') return
      state = 'gone'
      clearTimeout(timer)
      connection.destroy()
      resolve(undefined)
    }
    function releaseAcks(): void {
      for (const release of [...acks.values()]) release()
    }

    const member: ReplyMember = {
      announce(datagram) {
        if (state !== 'joined') return Promise.resolve()
        seq = (seq + 1) >>> 0 || 1
        const id = seq
        return new Promise<void>((done) => {
          // A hung hub must not hang send(): after the bound, send anyway (the reply may go to all).
          const timer = setTimeout(release, announceTimeoutMs)
          function release(): void {
            clearTimeout(timer)
            acks.delete(id)
            done()
          }
          acks.set(id, release)
          connection.write(encodeFrame(FrameKind.announce, seqPayload(id, datagram)))
        })
      },
      close() {
        state = 'gone'
        releaseAcks()
        connection.destroy()
      },
    }

    const read = createFrameReader((kind, payload) => {
      if (state === 'joining') {
        if (kind !== FrameKind.welcome || payload.toString('utf8') !== controlMagic) return fail()
        state = 'joined'
        clearTimeout(timer)
        // Joined, the connection keeps nobody alive (a pending announce holds its own timer).
        connection.unref()
        // Seq 0 is never awaited: the hub acks these replays and nobody waits.
        for (const datagram of options.replay)
          connection.write(encodeFrame(FrameKind.announce, seqPayload(0, datagram)))
        resolve(member)
        return
      }
      if (kind === FrameKind.ack && payload.length >= 4) {
        const id = payload.readUInt32BE(0)
        acks.get(id)?.()
      } else if (kind === FrameKind.packet && payload.length >= 3) {
        const { address, port, datagram } = readPacketPayload(payload)
        options.onDatagram(datagram, { address, port })
      }
    })

    connection.on('connect', () => {
      connection.write(encodeFrame(FrameKind.hello, Buffer.from(`${controlMagic} ${process.pid}`)))
    })
    connection.on('data', (chunk: Buffer) => {
      try {
        read(chunk)
      } catch {
        connection.destroy()
      }
    })
    connection.on('error', () => connection.destroy())
    connection.on('close', () => {
      if (state === 'joining') return fail()
      const wasJoined = state === 'joined'
      state = 'gone'
      releaseAcks()
      if (wasJoined) options.onLost()
    })
  })
}
