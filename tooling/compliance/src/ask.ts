import type { OscValue } from '@live/protocol'
import type { OscTestClient, Received } from './oscTestClient.js'

/**
 * Sends one message and waits for the first reply on the same address.
 *
 * @example
 * const reply = await ask(client, '/live/song/get/tempo')
 */
export async function ask(
  client: OscTestClient,
  address: string,
  args: readonly OscValue[] = [],
  types?: string,
): Promise<Received> {
  client.send({ address, args, ...(types === undefined ? {} : { types }) })
  const [reply] = await client.waitFor(address, { what: `the reply to ${address}` })
  return reply!
}

/**
 * Sends one message and waits for the `/live/error` it causes.
 *
 * @example
 * const text = await askError(client, '/live/foo')
 */
export async function askError(
  client: OscTestClient,
  address: string,
  args: readonly OscValue[] = [],
  types?: string,
): Promise<string> {
  client.send({ address, args, ...(types === undefined ? {} : { types }) })
  const [error] = await client.waitFor('/live/error', { what: `the /live/error for ${address}` })
  return String(error!.args[0])
}

/**
 * Sends a message that should be silent, then /live/test; returns what arrived in between.
 *
 * @example
 * expect(await tell(client, '/live/song/set/tempo', [130])).toEqual([])
 */
export async function tell(
  client: OscTestClient,
  address: string,
  args: readonly OscValue[] = [],
  types?: string,
): Promise<Received[]> {
  client.send({ address, args, ...(types === undefined ? {} : { types }) })
  await client.sync()
  const between = [...client.inbox]
  client.clear()
  return between
}

/**
 * Sends a message, then /live/test; returns every message that arrived before the "ok" (wildcards, bulk).
 *
 * @example
 * const replies = await collect(client, '/live/song/get/*')
 */
export async function collect(
  client: OscTestClient,
  address: string,
  args: readonly OscValue[] = [],
  types?: string,
): Promise<Received[]> {
  return tell(client, address, args, types)
}
