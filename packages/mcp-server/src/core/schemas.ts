import { CHAIN_PATH } from '@live/client'
import { z } from 'zod'
import { trackRef } from './trackRef.js'

/** An index from 0 (scenes, clip slots, sends, parameters...). */
export const index = z.number().int().min(0)

/** A device: its index on the track, or (bridge only) a chain path into a rack, "0/1/2". */
export const deviceRef = z.union([index, z.string().regex(CHAIN_PATH)])

/** A clip slot: a track and a scene (the slot's index is its scene's). */
export const slot = { track: trackRef, scene: index }

/** An object in an answer whose keys depend on what was read (its JSON Schema is just `{type: object}`). */
export const anyObject = z.record(z.string(), z.unknown())

/** The track as answers show it: its index, or "master" / "return/R". */
export const trackOut = z.union([z.number().int(), z.string()])

/** The `dry_run` argument of every workflow tool. */
export const dryRunArg = z.boolean().default(false)

/** The `wait` argument of the background workflows. */
export const waitArg = z.boolean().default(false)
