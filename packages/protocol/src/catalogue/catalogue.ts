/**
 * The address catalogue: every AbletonOSC address (generated from data/abletonosc-catalog.json) plus
 * our extensions, as data, with the argument and reply types and zod schemas derived from it.
 */
export { type ExtensionArgsMap, type ExtensionReplyMap, extensionEntries } from './extensions.js'
export {
  type Address,
  type AddressArgs,
  type AddressArgsMap,
  type AddressReply,
  type AddressReplyMap,
  catalogue,
  findEntry,
} from './findEntry.js'
export { oscTypesFor } from './oscTypesFor.js'
export { type ParamLayout, paramAt, paramLayout, signatureOf } from './paramLayout.js'
export { rangeOf, ranges, type ValueRange } from './ranges.js'
export { argsSchema, type ListSchema, replySchema, valueSchema } from './schemas.js'
export {
  type AnyArg,
  type CatalogueEntry,
  type CatalogueParam,
  catalogueEntrySchema,
  catalogueParamSchema,
  type EntryKind,
  type ExtensionEntry,
  entryKindSchema,
  type ParamsTuple,
  type ParamType,
  type ParamValue,
  paramTypeSchema,
  type ReplyTuple,
} from './types.js'
export { decodeReply, validateArgs } from './validateArgs.js'
