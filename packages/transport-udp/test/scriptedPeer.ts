import { createSocket } from 'node:dgram'
import { type DecodedOscMessage, decodePacket, encodePacket, messagesOf, type OscPacket } from '@live/protocol'

/** Options of {@link startScriptedPeer}. */
export interface ScriptedPeerOptions {
  /** AbletonOSC's reply port (replaces 11001). */
  readonly replyPort: number
  /** `abletonosc` replies to (sender IP, replyPort); `source` replies to the request's own port, like the bridge. */
  readonly mode?: 'abletonosc' | 'source' | undefined
}

/** The value the peer reports for a track's volume: exact in float32. */
export function volumeOf(track: number): number {
  return 0.5 + track / 8
}

/**
 * A scripted AbletonOSC stand-in on 127.0.0.1: answers `/live/track/get/volume t`, runs volume
 * listeners and `/live/test`, replying to (sender IP, replyPort) whatever the source port, and
 * sending listener updates and unsolicited traffic to the last sender's IP on replyPort.
 */
export async function startScriptedPeer(options: ScriptedPeerOptions) {
  const mode = options.mode ?? 'abletonosc'
  const socket = createSocket('udp4')
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()))
  const received: DecodedOscMessage[] = []
  const listeners: number[] = []
  let lastSenderIp = '127.0.0.1'

  function sendTo(packet: OscPacket, port: number, address = lastSenderIp): Promise<void> {
    return new Promise((resolve, reject) => {
      socket.send(encodePacket(packet), port, address, (error) => (error ? reject(error) : resolve()))
    })
  }
  const toDefaultRemote = (packet: OscPacket) => sendTo(packet, options.replyPort)

  socket.on('message', (datagram, remote) => {
    lastSenderIp = remote.address
    const replyPort = mode === 'source' ? remote.port : options.replyPort
    const reply = (packet: OscPacket) => void sendTo(packet, replyPort, remote.address)
    let messages: DecodedOscMessage[]
    try {
      messages = messagesOf(decodePacket(datagram))
    } catch {
      void toDefaultRemote({ address: '/live/error', args: ['Error parsing OSC message'] })
      return
    }
    for (const message of messages) {
      received.push(message)
      const track = message.args[0]
      if (message.address === '/live/track/get/volume' && typeof track === 'number') {
        reply({ address: message.address, types: 'if', args: [track, volumeOf(track)] })
      } else if (message.address === '/live/track/start_listen/volume' && typeof track === 'number') {
        if (!listeners.includes(track)) listeners.push(track)
        void toDefaultRemote({ address: '/live/track/get/volume', types: 'if', args: [track, volumeOf(track)] })
      } else if (message.address === '/live/track/stop_listen/volume' && typeof track === 'number') {
        listeners.splice(listeners.indexOf(track), 1)
      } else if (message.address === '/live/test') {
        void toDefaultRemote({ address: '/live/test', args: ['ok'] })
      }
    }
  })

  return {
    /** The port the peer listens on (replaces 11000). */
    port: socket.address().port,
    /** Every message the peer received, in order. */
    received,
    /** Sends a volume update for every listened track, in the order the listeners started. */
    async emitVolumes(value: number): Promise<void> {
      for (const track of listeners) {
        await toDefaultRemote({ address: '/live/track/get/volume', types: 'if', args: [track, value] })
      }
    },
    /** Sends an unsolicited packet to the default remote, as AbletonOSC does with `/live/startup`. */
    sendUnsolicited: toDefaultRemote,
    /** Closes the socket. */
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  }
}

/** The peer {@link startScriptedPeer} returns. */
export type ScriptedPeer = Awaited<ReturnType<typeof startScriptedPeer>>
