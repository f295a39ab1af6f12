import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * The hub's control channel speaks length-prefixed frames: `u32 length` (of what follows), `u8 kind`,
 * payload. Datagrams travel as raw bytes, so members decode (and report DECODE_FAILED) themselves.
 */
export const FrameKind = {
  /** member → hub: magic, then the member's pid. */
  hello: 1,
  /** hub → member: magic; the member is registered. */
  welcome: 2,
  /** member → hub: `u32 seq` then an OSC packet the member is about to send. */
  announce: 3,
  /** hub → member: `u32 seq`; the announce is recorded, the member may send. */
  ack: 4,
  /** hub → member: `u16 port`, `u8 length`, source address, then the datagram. */
  packet: 5,
} as const

/** One of the {@link FrameKind} values. */
export type FrameKind = (typeof FrameKind)[keyof typeof FrameKind]

/** Identifies our hub on the control channel, so a stale or foreign socket is not mistaken for one. */
export const controlMagic = 'live-osc-reply-hub/1'

/** The largest frame accepted (a UDP datagram plus headers); anything larger ends the connection. */
const maxFrameBytes = 70_000

/**
 * Where the hub for a reply port listens: a Unix domain socket in the temp dir, or a named pipe on Windows.
 *
 * @example
 * controlPath(11001) // '/tmp/live-osc-reply-11001.sock'
 */
export function controlPath(replyPort: number, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return `\\\\.\\pipe\\live-osc-reply-${replyPort}`
  return join(tmpdir(), `live-osc-reply-${replyPort}.sock`)
}

/** One frame, ready to write. */
export function encodeFrame(kind: FrameKind, payload: Uint8Array = new Uint8Array(0)): Buffer {
  const frame = Buffer.allocUnsafe(5 + payload.length)
  frame.writeUInt32BE(1 + payload.length, 0)
  frame.writeUInt8(kind, 4)
  frame.set(payload, 5)
  return frame
}

/** A frame carrying a sequence number and bytes (announce) or only the number (ack). */
export function seqPayload(seq: number, bytes: Uint8Array = new Uint8Array(0)): Buffer {
  const payload = Buffer.allocUnsafe(4 + bytes.length)
  payload.writeUInt32BE(seq >>> 0, 0)
  payload.set(bytes, 4)
  return payload
}

/** A datagram and where it came from, as a `packet` frame's payload. */
export function packetPayload(source: { address: string; port: number }, datagram: Uint8Array): Buffer {
  const address = Buffer.from(source.address, 'latin1')
  const payload = Buffer.allocUnsafe(3 + address.length + datagram.length)
  payload.writeUInt16BE(source.port, 0)
  payload.writeUInt8(address.length, 2)
  payload.set(address, 3)
  payload.set(datagram, 3 + address.length)
  return payload
}

/** Reads a `packet` frame's payload back. */
export function readPacketPayload(payload: Buffer): { address: string; port: number; datagram: Uint8Array } {
  const port = payload.readUInt16BE(0)
  const length = payload.readUInt8(2)
  return {
    port,
    address: payload.subarray(3, 3 + length).toString('latin1'),
    datagram: new Uint8Array(payload.subarray(3 + length)),
  }
}

/**
 * Turns a byte stream into frames. Returns the function to feed chunks to; it throws on a frame
 * too large to be ours, and the caller ends the connection.
 */
export function createFrameReader(onFrame: (kind: number, payload: Buffer) => void): (chunk: Buffer) => void {
  let pending: Buffer = Buffer.alloc(0)
  return (chunk) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk])
    while (pending.length >= 4) {
      const length = pending.readUInt32BE(0)
      if (length < 1 || length > maxFrameBytes) throw new Error(`control frame of ${length} bytes`)
      if (pending.length < 4 + length) return
      const kind = pending.readUInt8(4)
      const payload = pending.subarray(5, 4 + length)
      pending = pending.subarray(4 + length)
      onFrame(kind, payload)
    }
  }
}
