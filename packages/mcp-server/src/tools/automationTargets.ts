import type { LiveClient } from '@live/client'
import { LiveError } from '@live/protocol'
import type { AutomationTarget } from '@live/workflows'
import { z } from 'zod'
import { deviceIndex, trackIndex } from '../core/schemas.js'
import { requireDevice, requireTrack } from '../core/setFacts.js'

/** The arguments that say what a fade or LFO moves: a track's volume or pan, one of its sends, or a device parameter. */
export const targetArgs = {
  track: trackIndex,
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
  device: deviceIndex.optional().describe('With parameter: the device whose parameter moves.'),
  parameter: z
    .union([z.string().min(1), z.number().int().min(0)])
    .optional()
    .describe('With device: a parameter name (see ableton_get_device) or index; values in its own min..max.'),
}

/** The target arguments as the tool received them. */
export interface TargetArgs {
  track: number
  what?: 'volume' | 'pan' | undefined
  send?: number | undefined
  device?: number | undefined
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
  if ((device === undefined) !== (parameter === undefined)) {
    throw invalid('device and parameter go together', 'Give both (a device parameter) or neither (volume, pan, send).')
  }
  if (send !== undefined && device !== undefined) {
    throw invalid('give send or device + parameter, not both', 'One fade or LFO moves one thing.')
  }
  if (device !== undefined && parameter !== undefined) {
    await requireDevice(live, track, device)
    return {
      target: { kind: 'parameter', track, device, parameter },
      label: `track ${track} device ${device} parameter ${JSON.stringify(parameter)}`,
    }
  }
  await requireTrack(live, track)
  if (send !== undefined) {
    return { target: { kind: 'send', track, send }, label: `track ${track} send ${send}` }
  }
  const what = args.what ?? fallback
  return {
    target: { kind: what === 'pan' ? 'panning' : 'volume', track },
    label: `track ${track} ${what}`,
  }
}
