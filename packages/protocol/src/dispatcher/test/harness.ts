import type { DecodedOscMessage, OscMessage, OscValue } from '../../osc/types.js'
import { createDispatcher } from '../createDispatcher.js'
import type { ClientAddress, Destination, Flavour } from '../types.js'
import { createFakeModel } from './fakeModel.js'

/** The client most tests speak as. */
export const A: ClientAddress = { address: '127.0.0.1', port: 50001 }
/** A second client. */
export const B: ClientAddress = { address: '127.0.0.1', port: 50002 }

/** Builds a decoded message, typing numbers as `i` unless told otherwise. */
export function msg(address: string, args: OscValue[] = [], types?: string): DecodedOscMessage {
  const inferred = args
    .map((a) =>
      a === null
        ? 'N'
        : typeof a === 'boolean'
          ? a
            ? 'T'
            : 'F'
          : typeof a === 'string'
            ? 's'
            : Number.isInteger(a)
              ? 'i'
              : 'f',
    )
    .join('')
  return { address, args, types: types ?? inferred }
}

/** A dispatcher over the fake model, recording what it sends. */
export function setup(flavour: Flavour = 'abletonosc') {
  const fake = createFakeModel()
  const out: { message: OscMessage; to: Destination }[] = []
  const dispatcher = createDispatcher({
    model: fake.model,
    flavour,
    send: (message, to) => out.push({ message, to }),
    version: '1.2.3',
  })
  const send = (address: string, args: OscValue[] = [], types?: string, from: ClientAddress = A) =>
    dispatcher.handle(msg(address, args, types), from)
  /** What was sent, as `address types args...` lines; clears the record. */
  const take = () =>
    out
      .splice(0)
      .map(({ message }) => [message.address, message.types, ...message.args.map((a) => JSON.stringify(a))].join(' '))
  const takeFull = () => out.splice(0)
  return { ...fake, dispatcher, out, send, take, takeFull }
}
