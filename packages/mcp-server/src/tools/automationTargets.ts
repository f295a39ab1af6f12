import type { LiveClient } from '@live/client'
import { LiveError } from '@live/protocol'
import type { AutomationTarget } from '@live/workflows'
import { z } from 'zod'
import { deviceRef, index } from '../core/schemas.js'
import { requireDevice, requireTrack } from '../core/setFacts.js'
import { requireReturn } from '../core/strip.js'
import { parseTrackRef, trackRef } from '../core/trackRef.js'

/**
 * What a fade or LFO moves: a track's (a return's, the master's) volume or pan, a track's send, or a device
 * parameter (device + parameter).
 */
export const targetArgs = {
  track: trackRef,
  what: z.enum(['volume', 'pan']).optional(),
  send: index.optional(),
  device: deviceRef.optional(),
  parameter: z.union([z.string().min(1), index]).optional(),
}

/** The target arguments as the tool received them. */
export interface TargetArgs {
  track: number | string
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
  const { send, device, parameter } = args
  const ref = parseTrackRef(args.track)
  const { owner, label: ownerLabel } = ref
  if ((device === undefined) !== (parameter === undefined)) {
    throw invalid('device and parameter go together', 'Give both (a device parameter) or neither (volume, pan, send).')
  }
  if (send !== undefined && device !== undefined) {
    throw invalid('give send or device + parameter, not both', 'One fade or LFO moves one thing.')
  }
  if ('track' in owner) await requireTrack(live, owner.track)
  if ('return' in owner) await requireReturn(live, owner.return)
  if (device !== undefined && parameter !== undefined) {
    if ('track' in owner && typeof device === 'number') await requireDevice(live, owner.track, device)
    return {
      target: { kind: 'parameter', ...owner, device, parameter },
      label: `${ownerLabel} device ${device} parameter ${JSON.stringify(parameter)}`,
    }
  }
  if (send !== undefined) {
    if (!('track' in owner))
      throw invalid('send moves a track’s send: give a track index', 'Return tracks and the master have no sends here.')
    return { target: { kind: 'send', track: owner.track, send }, label: `${ownerLabel} send ${send}` }
  }
  const what = args.what ?? fallback
  return { target: { kind: what === 'pan' ? 'panning' : 'volume', ...owner }, label: `${ownerLabel} ${what}` }
}
