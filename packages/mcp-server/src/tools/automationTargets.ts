import type { LiveClient } from '@live/client'
import { LiveError } from '@live/protocol'
import type { AutomationTarget } from '@live/workflows'
import { z } from 'zod'
import { deviceArg, type OwnerArgs, ownerArgs, ownerOf } from '../core/deviceOwner.js'
import { requireDevice, requireTrack } from '../core/setFacts.js'

/**
 * The arguments that say what a fade or LFO moves: the volume or pan of a track (or, bridge only, of a
 * return track or the master), one of a track's sends, or a device parameter.
 */
export const targetArgs = {
  ...ownerArgs,
  what: z
    .enum(['volume', 'pan'])
    .optional()
    .describe("Without send/device: the track's 'volume' or 'pan' (default: volume for fades, pan for LFOs)."),
  send: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe("Move this send of the track instead (0 is send A); its value is Live's 0..1."),
  device: deviceArg
    .optional()
    .describe(
      "With parameter: the device whose parameter moves: its index, or (bridge only) a chain path into a rack, '0/1/2' = device 0, its chain 1, that chain's device 2.",
    ),
  parameter: z
    .union([z.string().min(1), z.number().int().min(0)])
    .optional()
    .describe('With device: a parameter name (see ableton_get_device) or index; values in its own min..max.'),
}

/** The target arguments as the tool received them. */
export interface TargetArgs extends OwnerArgs {
  what?: 'volume' | 'pan' | undefined
  send?: number | undefined
  device?: number | string | undefined
  parameter?: string | number | undefined
}

function invalid(message: string, hint: string): LiveError {
  return new LiveError('INVALID_ARGUMENTS', message, { metaMessages: [hint] })
}

/**
 * Turns the friendly arguments into a workflow target, checking that the track (and device) exist.
 *
 * @example
 * await resolveTargetArgs(live, { track: 0 }, 'volume') // { target: { kind: 'volume', track: 0 }, label: 'track 0 volume' }
 */
export async function resolveTargetArgs(
  live: LiveClient,
  args: TargetArgs,
  fallback: 'volume' | 'pan',
): Promise<{ target: AutomationTarget; label: string }> {
  const { track, send, device, parameter } = args
  const { owner, label: ownerLabel } = ownerOf(args, 'say what moves: give track, return_track or master')
  if ((device === undefined) !== (parameter === undefined)) {
    throw invalid('device and parameter go together', 'Give both (a device parameter) or neither (volume, pan, send).')
  }
  if (send !== undefined && device !== undefined) {
    throw invalid('give send or device + parameter, not both', 'One fade or LFO moves one thing.')
  }
  if (device !== undefined && parameter !== undefined) {
    if (track !== undefined && typeof device === 'number') await requireDevice(live, track, device)
    return {
      target: { kind: 'parameter', ...owner, device, parameter },
      label: `${ownerLabel} device ${device} parameter ${JSON.stringify(parameter)}`,
    }
  }
  if (send !== undefined) {
    if (track === undefined)
      throw invalid('send moves a track’s send: give track', 'Return tracks and the master have no sends here.')
    await requireTrack(live, track)
    return { target: { kind: 'send', track, send }, label: `track ${track} send ${send}` }
  }
  if (track !== undefined) await requireTrack(live, track)
  const what = args.what ?? fallback
  return {
    target: { kind: what === 'pan' ? 'panning' : 'volume', ...owner },
    label: `${ownerLabel} ${what}`,
  }
}
