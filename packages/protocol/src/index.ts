/**
 * @packageDocumentation
 * AbletonOSC's protocol as typed data: the address catalogue, our OSC packet codec, value codecs,
 * `LiveError`, the `Transport` interface and the LiveAPI-shaped object model the server side runs on.
 */
export {
  type Address,
  type AddressArgs,
  type AddressReply,
  type CatalogueEntry,
  type CatalogueParam,
  catalogue,
  findEntry,
  oscTypesFor,
} from './catalogue/catalogue.js'
export { isLiveError, LiveError, LiveErrorCode, type LiveErrorOptions } from './errors/liveError.js'
export {
  type LiveObjectModel,
  LomError,
  type LomErrorKind,
  type LomObjectRef,
  type LomObserver,
  type LomPath,
  type LomValue,
} from './model/liveObjectModel.js'
export { decodePacket, messagesOf } from './osc/decode.js'
export { encodePacket } from './osc/encode.js'
export {
  type DecodedOscBundle,
  type DecodedOscMessage,
  type DecodedOscPacket,
  IMMEDIATELY,
  isBundle,
  type OscBundle,
  type OscColor,
  type OscMessage,
  type OscPacket,
  type OscTimeTag,
  type OscValue,
} from './osc/types.js'
export type { MessageHandler, PacketSource, Transport, TransportErrorHandler } from './transport/transport.js'
