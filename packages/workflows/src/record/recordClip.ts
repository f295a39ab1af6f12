import type { LiveClient } from '@live/client'
import { barLengthBeats, isLiveError, LiveError } from '@live/protocol'
import { z } from 'zod'
import { optionError } from '../scheduler/parseOptions.js'
import { type PlannedMessage, throwIfAborted, type WorkflowContext, type WorkflowPlan } from '../shared/workflow.js'
import { armForRecording, firstEmptySlot, setResamplingInput } from './armForRecording.js'
import { parseWorkflowOptions, wholeNumber } from './parseWorkflowOptions.js'
import { recordTake, sendTo } from './recordTake.js'

/** Options of {@link recordClip}. */
export const recordClipOptionsSchema = z
  .strictObject({
    /** The track to record on, or a new audio or MIDI track at the end. @default 'new-audio' */
    track: z.union([wholeNumber(0, 999), z.enum(['new-audio', 'new-midi'])]).default('new-audio'),
    /** The empty slot (scene index) to record into. @default the track's first empty slot (a new scene if none) */
    slot: wholeNumber(0, 999).optional(),
    /** Bars to record, on song time; without it the recording runs until the context's signal aborts. */
    bars: wholeNumber(1, 1024, 'bars').optional(),
    /** The recorded clip's name. @default '{track} take' */
    name: z.string().min(1, { error: 'expected a non-empty name' }).max(255).optional(),
    /** Record what the master plays: sets the track's input to Resampling (audio tracks only). @default false */
    resample: z.boolean().default(false),
    /** Plan only: return the messages, send nothing. @default false */
    dryRun: z.boolean().default(false),
  })
  .refine((o) => !(o.resample && o.track === 'new-midi'), {
    error: 'resampling records audio: use an audio track or "new-audio"',
    path: ['track'],
  })

/** What {@link recordClip} accepts. */
export type RecordClipOptions = z.input<typeof recordClipOptionsSchema>

/** What {@link recordClip} recorded. */
export interface RecordClipResult {
  /** The track recorded on. */
  readonly track: number
  /** The slot (scene index) holding the new clip. */
  readonly slot: number
  /** The clip's name. */
  readonly clipName: string
  /** The clip's length in beats. */
  readonly lengthBeats: number
}

const WORKFLOW = 'recordClip'

/**
 * Records a clip in Session View: creates an audio or MIDI track if asked, arms it (and only it), records N bars
 * on song time with Live's own quantisation (or until the signal aborts), then stops, disarms and names the clip.
 * With `resample` the track's input is Resampling: it records what the master plays.
 *
 * @example
 * const take = await recordClip(live, { track: 'new-audio', bars: 4, resample: true, name: 'Bounce' })
 * console.log(take.track, take.slot, take.lengthBeats) // 5 0 16
 */
export async function recordClip(
  client: LiveClient,
  options: RecordClipOptions & { dryRun: true },
  context?: WorkflowContext,
): Promise<{ plan: WorkflowPlan }>
export async function recordClip(
  client: LiveClient,
  options?: RecordClipOptions,
  context?: WorkflowContext,
): Promise<RecordClipResult>
export async function recordClip(
  client: LiveClient,
  options: RecordClipOptions = {},
  context: WorkflowContext = {},
): Promise<RecordClipResult | { plan: WorkflowPlan }> {
  const o = parseWorkflowOptions(WORKFLOW, recordClipOptionsSchema, options)
  const { signal } = context
  throwIfAborted(signal, WORKFLOW)
  const set = await client.sync({ notes: false, parameters: false, signal })
  const created = typeof o.track === 'string'
  const track = typeof o.track === 'number' ? o.track : set.tracks.length
  const existing = set.tracks[track]
  if (!created && existing === undefined) {
    throw optionError(
      WORKFLOW,
      'track',
      JSON.stringify(o.track),
      `expected a track index from 0 to ${set.tracks.length - 1}, "new-audio" or "new-midi"`,
    )
  }
  if (o.slot !== undefined && existing?.clipSlots[o.slot]?.hasClip === true) {
    throw optionError(
      WORKFLOW,
      'slot',
      JSON.stringify(o.slot),
      `slot ${o.slot + 1} of track ${track + 1} already holds a clip: choose an empty slot`,
    )
  }
  const slot = o.slot ?? (created ? 0 : firstEmptySlot(set, track)) ?? set.scenes.length
  const newScene = slot >= set.scenes.length
  const barBeats = barLengthBeats({
    numerator: set.song.signatureNumerator,
    denominator: set.song.signatureDenominator,
  })
  const beats = o.bars === undefined ? undefined : o.bars * barBeats
  const trackName = existing?.name ?? (o.track === 'new-midi' ? 'MIDI' : 'Audio')
  const clipName = o.name ?? `${trackName} take`

  if (o.dryRun) return { plan: plan(o.track, track, slot, beats, newScene, o.resample, clipName) }

  if (created) {
    await sendTo(
      client,
      o.track === 'new-midi' ? '/live/song/create_midi_track' : '/live/song/create_audio_track',
      [-1],
      signal,
    )
  }
  if (newScene) await sendTo(client, '/live/song/create_scene', [-1], signal)
  let previousInput: string | undefined
  if (o.resample) {
    if (!created) previousInput = await client.track(track).inputRoutingType.get({ signal })
    if (!(await setResamplingInput(client, track, signal))) {
      throw new LiveError('UNSUPPORTED', `track ${track + 1} does not offer Resampling as its input`, {
        metaMessages: ['Only audio tracks can resample. Use track: "new-audio".'],
      })
    }
  }
  const restore = await armForRecording(client, set, track, signal)
  let lengthBeats = 0
  try {
    lengthBeats = await recordTake(
      client,
      { track, slot, beats, tempo: set.song.tempo, barBeats, workflow: WORKFLOW },
      context,
    )
  } catch (error) {
    await restore()
    if (isLiveError(error, 'ABORTED')) await undoPartial(client, track, slot, created, newScene)
    throw error
  }
  await restore()
  if (previousInput !== undefined) await sendTo(client, '/live/track/set/input_routing_type', [track, previousInput])
  if (lengthBeats > 0) await sendTo(client, '/live/clip/set/name', [track, slot, clipName])
  context.onProgress?.({ workflow: WORKFLOW, phase: 'done', done: 1, total: 1, detail: { track, slot, lengthBeats } })
  return { track, slot, clipName: lengthBeats > 0 ? clipName : '', lengthBeats }
}

/** After an abort of a fixed-length take: removes what it left half-done. */
async function undoPartial(client: LiveClient, track: number, slot: number, createdTrack: boolean, newScene: boolean) {
  if (createdTrack) await sendTo(client, '/live/song/delete_track', [track])
  else if (await client.clipSlot(track, slot).hasClip.get())
    await sendTo(client, '/live/clip_slot/delete_clip', [track, slot])
  if (newScene) await sendTo(client, '/live/song/delete_scene', [slot])
}

function plan(
  kind: number | string,
  track: number,
  slot: number,
  beats: number | undefined,
  newScene: boolean,
  resample: boolean,
  clipName: string,
): WorkflowPlan {
  const messages: PlannedMessage[] = []
  const add = (address: string, args: PlannedMessage['args'], note: string) =>
    messages.push({ atMs: 0, address, args, note })
  if (typeof kind === 'string') {
    add(
      kind === 'new-midi' ? '/live/song/create_midi_track' : '/live/song/create_audio_track',
      [-1],
      `create track ${track + 1}`,
    )
  }
  if (newScene) add('/live/song/create_scene', [-1], `create scene ${slot + 1} for an empty slot`)
  if (resample) add('/live/track/set/input_routing_type', [track, 'Resampling'], 'record what the master plays')
  add('/live/track/set/arm', [track, true], 'arm the track (other armed tracks are disarmed meanwhile)')
  add('/live/view/set/selected_scene', [slot], 'Session Record records into the selected scene')
  add(
    '/live/song/trigger_session_record',
    beats === undefined ? [] : [beats],
    beats === undefined ? 'record until stopped' : `record ${beats} beats`,
  )
  add('/live/song/set/session_record', [false], 'Session Record off')
  add('/live/track/set/arm', [track, false], 'disarm, re-arm the others')
  add('/live/clip/set/name', [track, slot, clipName], 'name the clip')
  return {
    workflow: WORKFLOW,
    messages,
    notes: [
      beats === undefined
        ? 'Records until the signal aborts.'
        : `Records ${beats} beats from the next launch boundary.`,
    ],
  }
}
