/**
 * @packageDocumentation
 * The light entry point, `@live/protocol/encode`: `encodePacket` and `LiveError`, without the decoder,
 * the address catalogue or zod, for start-up paths that only send (a one-shot CLI command).
 */
export { isLiveError, LiveError, LiveErrorCode, type LiveErrorOptions } from './errors/liveError.js'
export { encodePacket } from './osc/encode.js'
export type { OscBundle, OscMessage, OscPacket, OscTimeTag, OscValue } from './osc/types.js'
