/**
 * @packageDocumentation
 * `udp()`: the Transport over node:dgram. It shares AbletonOSC's single reply port between the
 * @live processes of one machine (a hub fans replies out, and a member takes over when it exits),
 * and paces sends so a burst never overflows the server's receive queue.
 */
export { portInUseError } from './errors.js'
export { createPacer, defaultPacing, type Pacer, type PacingOptions } from './pacing/createPacer.js'
export { resolveUdpConfig, type UdpConfig, type UdpOptions } from './resolveUdpConfig.js'
export { controlPath } from './sharing/controlFrames.js'
export { type UdpReplyRole, type UdpTransport, udp } from './udp.js'
