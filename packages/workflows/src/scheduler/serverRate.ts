import type { LiveClient, ServerKind } from '@live/client'

/** Messages per second per lane worth sending to each server: AbletonOSC applies them once per 100 ms tick. */
export const MAX_RATE_HZ: Readonly<Record<ServerKind, number>> = {
  abletonosc: 20,
  unknown: 20,
  bridge: 100,
  simulator: 100,
}

/**
 * The message rate to use on the server answering: asks it who it is (`client.detect()`), then caps `requested`.
 *
 * @example
 * const { rateHz, server } = await serverRate(live) // { rateHz: 20, server: 'abletonosc' } on AbletonOSC
 */
export async function serverRate(
  client: LiveClient,
  requested: number | undefined,
  signal?: AbortSignal | undefined,
): Promise<{ rateHz: number; server: ServerKind; capped: boolean }> {
  const { kind } = await client.detect({ signal })
  const max = MAX_RATE_HZ[kind]
  const rateHz = Math.min(requested ?? max, max)
  return { rateHz, server: kind, capped: requested !== undefined && requested > max }
}
