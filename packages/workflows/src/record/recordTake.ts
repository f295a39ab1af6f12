import type { LiveClient } from '@live/client'
import { type Address, isLiveError, LiveError } from '@live/protocol'
import { defaultNow, defaultSleep, type WorkflowContext } from '../shared/workflow.js'

/** Sends any catalogue address without waiting (workflows build many messages from data). */
export async function sendTo(
  client: LiveClient,
  address: string,
  args: readonly (number | string | boolean)[],
  signal?: AbortSignal | undefined,
): Promise<void> {
  await client.send(address as Address, args as never, { signal })
}

/** What {@link recordTake} needs: an armed track (the only one armed) and an empty slot. */
export interface RecordTakeOptions {
  /** The armed track. */
  readonly track: number
  /** The empty slot (scene index) to record into. */
  readonly slot: number
  /** Beats to record, ending on their own; undefined records until the context's signal aborts. */
  readonly beats: number | undefined
  /** Song tempo, for the poll interval and the safety deadline. */
  readonly tempo: number
  /** Beats per bar, for the safety deadline. */
  readonly barBeats: number
  /** The workflow reporting progress. */
  readonly workflow: string
}

/**
 * Records one take with `trigger_session_record`: selects the slot's scene, starts Session Record (for a fixed
 * number of beats it ends by itself, on song time and quantised by Live), waits for the clip to finish recording,
 * then turns Session Record off. Resolves with the clip's length in beats.
 *
 * @example
 * const lengthBeats = await recordTake(live, { track: 4, slot: 0, beats: 16, tempo: 120, barBeats: 4, workflow: 'recordClip' }, context)
 */
export async function recordTake(
  client: LiveClient,
  options: RecordTakeOptions,
  context: WorkflowContext = {},
): Promise<number> {
  const { track, slot, beats, tempo, barBeats, workflow } = options
  const { signal, onProgress } = context
  const sleep = context.sleep ?? defaultSleep
  const now = context.now ?? defaultNow
  const msPerBeat = 60_000 / tempo
  const pollMs = Math.max(10, msPerBeat / 4)
  const untilStopped = beats === undefined
  // Reads must finish even after an abort that means "stop recording now".
  const readSignal = untilStopped ? undefined : signal

  await sendTo(client, '/live/view/set/selected_scene', [slot], signal)
  await sendTo(client, '/live/song/trigger_session_record', beats === undefined ? [] : [beats], signal)
  const deadline = beats === undefined ? Infinity : now() + (beats + 2 * barBeats) * msPerBeat + 10_000
  let stopping = false
  let started = false
  for (;;) {
    try {
      await sleep(pollMs, signal)
    } catch (error) {
      if (!(untilStopped && isLiveError(error, 'ABORTED'))) throw error
    }
    if (untilStopped && signal?.aborted === true && !stopping) {
      stopping = true
      await sendTo(client, '/live/song/set/session_record', [false])
    }
    const hasClip = await client.clipSlot(track, slot).hasClip.get({ signal: readSignal })
    if (!hasClip) {
      if (stopping) break
      if (now() > deadline) throw notStarted(track, slot)
      continue
    }
    const recording = await client.clip(track, slot).isRecording.get({ signal: readSignal })
    if (recording && !started) started = true
    if (!recording && (beats !== undefined || stopping)) break
    const length = await client.clip(track, slot).length.get({ signal: readSignal })
    onProgress?.({
      workflow,
      phase: 'recording',
      done: Math.floor(length),
      ...(beats === undefined ? {} : { total: beats }),
      detail: { track, slot, beats: length },
    })
    if (now() > deadline) throw notStarted(track, slot)
  }
  await sendTo(client, '/live/song/set/session_record', [false], readSignal)
  const hasClip = await client.clipSlot(track, slot).hasClip.get()
  return hasClip ? await client.clip(track, slot).length.get() : 0
}

function notStarted(track: number, slot: number): LiveError {
  return new LiveError('TIMEOUT', `the recording into track ${track + 1}, slot ${slot + 1} did not finish in time`, {
    metaMessages: [
      'Is the track armed and its input available? Is the transport running?',
      'Session Record may have started in another slot: check the set.',
    ],
    details: { track, slot },
  })
}
