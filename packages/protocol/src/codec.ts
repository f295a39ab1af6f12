/**
 * @packageDocumentation
 * The light entry point, `@live/protocol/codec`: the OSC packet codec and `LiveError` without the
 * address catalogue and zod, for start-up paths that must load little (a one-shot CLI command).
 */
export { isLiveError, LiveError, LiveErrorCode, type LiveErrorOptions } from './errors/liveError.js'
export { decodePacket, messagesOf } from './osc/decode.js'
export { encodePacket } from './osc/encode.js'
export type {
  DecodedOscBundle,
  DecodedOscMessage,
  DecodedOscPacket,
  OscBundle,
  OscMessage,
  OscPacket,
  OscTimeTag,
  OscValue,
} from './osc/types.js'
