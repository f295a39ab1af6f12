import { z } from 'zod'
import type { StateValue } from './keys.js'

/*
 * What travels over the surface's WebSocket, as JSON text frames. The server sends the state: a full
 * `state` when a page connects (and after the set was rebuilt), then `patch`es of the keys that changed.
 * The page sends actions: set one key, or call one of Live's calls; a refused action comes back as a
 * `notice` with the client's error text.
 */

/** The calls a page can make, with their index arguments. */
export const CALLS = {
  /** Launches the clip (or the empty slot's stop/record) in track, scene. */
  fireClip: 2,
  /** Stops the clips of a track (its stop button). */
  stopTrack: 1,
  /** Launches a scene. */
  fireScene: 1,
  /** Stops every clip (Live's Stop All Clips). */
  stopAll: 0,
  /** Starts the transport. */
  play: 0,
  /** Stops the transport. */
  stop: 0,
  /** Continues from where the transport stopped. */
  continue: 0,
  /** One tap of Live's Tap Tempo. */
  tapTempo: 0,
} as const

/** A call's name. */
export type CallName = keyof typeof CALLS

const id = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)

/** An action from a page, checked on the server before anything reaches Live. */
export const actionSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('set'),
    id,
    key: z.string().min(1).max(64),
    value: z.union([z.number().finite(), z.boolean()]),
  }),
  z.object({
    type: z.literal('call'),
    id,
    name: z.enum(Object.keys(CALLS) as [CallName, ...CallName[]]),
    args: z.array(z.number().int().min(0).max(100_000)).max(2),
  }),
])

/** An action from a page. */
export type Action = z.infer<typeof actionSchema>

/** The whole state, sent first and after each rebuild of the mirror. */
export interface StateMessage {
  readonly type: 'state'
  readonly entries: Readonly<Record<string, StateValue>>
}

/** The keys that changed since the last message, and the keys that are gone. */
export interface PatchMessage {
  readonly type: 'patch'
  readonly entries: Readonly<Record<string, StateValue>>
  readonly removed?: readonly string[] | undefined
}

/** An action was refused: the client's error, to show to the performer. */
export interface NoticeMessage {
  readonly type: 'notice'
  /** The refused action's id. */
  readonly id: number | null
  readonly code: string
  readonly text: string
  readonly hints: readonly string[]
}

/** Every message the server sends. */
export type ServerMessage = StateMessage | PatchMessage | NoticeMessage
