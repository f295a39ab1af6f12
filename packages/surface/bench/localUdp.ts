import { type UdpTransport, udp } from '@live/transport-udp'

/** A transport to the bridge-flavour simulator of a bench on 127.0.0.1 (replies to the source port). */
export function localUdp(port: number): UdpTransport {
  return udp({ host: '127.0.0.1', port, replyPort: 'source', replySharing: 'off', bindAddress: '127.0.0.1', env: {} })
}
