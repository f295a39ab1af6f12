import type { LiveClient, LiveSet } from '@live/client'
import { barLengthBeats, isLiveError, LiveError } from '@live/protocol'
import { armForRecording, setResamplingInput } from '../record/armForRecording.js'
import { parseWorkflowOptions } from '../record/parseWorkflowOptions.js'
import { recordTake, sendTo } from '../record/recordTake.js'
import { optionError } from '../scheduler/parseOptions.js'
import { type PlannedMessage, throwIfAborted, type WorkflowContext, type WorkflowPlan } from '../shared/workflow.js'
import { bridgeExport } from './bridgeExport.js'
import {
  type ExportedStem,
  type ExportStemsOptions,
  type ExportStemsResult,
  exportStemsOptionsSchema,
  resampleNote,
  stemName,
} from './exportStemsOptions.js'

const WORKFLOW = 'exportStems'
const RESAMPLE_TRACK_NAME = 'Stems'

function resolveTracks(set: LiveSet, tracks: 'all' | readonly (number | string)[]): number[] {
  if (tracks === 'all') return set.tracks.map((t) => t.index)
  return tracks.map((wanted) => {
    const found = typeof wanted === 'number' ? set.tracks[wanted] : set.tracks.find((t) => t.name === wanted)
    if (found === undefined) {
      const names = set.tracks.map((t) => `${t.index} '${t.name}'`).join(', ')
      throw optionError(WORKFLOW, 'tracks', JSON.stringify(wanted), `no such track; the set has ${names}`)
    }
    return found.index
  })
}

/**
 * Exports one stem per chosen track, in real time: solos each track and records the master for the song's length.
 * On the Max for Live bridge the bridge writes one WAV file per stem; elsewhere (AbletonOSC) the stems are recorded
 * as clips on a resampling audio track, and the result says plainly that Live's own export must write the files.
 * Solos, arms and the selected scene are put back afterwards, also on abort.
 *
 * @example
 * const result = await exportStems(live, { tracks: ['Drums', 'Bass'], bars: 8 })
 * console.log(result.notes.join('\n'))
 */
export async function exportStems(
  client: LiveClient,
  options: ExportStemsOptions & { dryRun: true },
  context?: WorkflowContext,
): Promise<{ plan: WorkflowPlan }>
export async function exportStems(
  client: LiveClient,
  options: ExportStemsOptions,
  context?: WorkflowContext,
): Promise<ExportStemsResult>
export async function exportStems(
  client: LiveClient,
  options: ExportStemsOptions,
  context: WorkflowContext = {},
): Promise<ExportStemsResult | { plan: WorkflowPlan }> {
  const o = parseWorkflowOptions(WORKFLOW, exportStemsOptionsSchema, options)
  const { signal } = context
  throwIfAborted(signal, WORKFLOW)
  const set = await client.sync({ notes: false, parameters: false, signal })
  const stems = resolveTracks(set, o.tracks)
  const barBeats = barLengthBeats({
    numerator: set.song.signatureNumerator,
    denominator: set.song.signatureDenominator,
  })
  const beats = o.beats ?? (o.bars === undefined ? set.song.songLength : o.bars * barBeats)
  if (!(beats > 0))
    throw optionError(
      WORKFLOW,
      'bars',
      JSON.stringify(o.bars),
      'the song has no length (empty arrangement): give bars or beats',
    )
  if (!o.createResampleTrack && set.tracks[o.resampleTrack!] === undefined) {
    throw optionError(
      WORKFLOW,
      'resampleTrack',
      JSON.stringify(o.resampleTrack),
      `expected a track index from 0 to ${set.tracks.length - 1}`,
    )
  }
  const info = o.method === 'auto' ? await client.detect({ signal }) : undefined
  let method: 'bridge' | 'resample' = o.method === 'auto' ? (info?.kind === 'bridge' ? 'bridge' : 'resample') : o.method
  const names = stems.map((t) => stemName(o.namePattern, set.tracks[t]!.name, t))
  if (o.dryRun) return { plan: plan(method, set, stems, names, beats, beats / barBeats, o.folder) }

  const solos = set.tracks.map((t) => t.solo)
  const soloOnly = async (stem: number | undefined) => {
    for (const t of set.tracks) {
      const want = t.index === stem
      if (solos[t.index] !== null && (stem === undefined ? solos[t.index] : want) !== t.solo) {
        await sendTo(client, '/live/track/set/solo', [t.index, stem === undefined ? solos[t.index] === true : want])
      }
      t.solo = stem === undefined ? solos[t.index]! : want
    }
  }
  const notes: string[] = []
  const done: ExportedStem[] = []
  const songTime = set.song.currentSongTime
  const progress = (phase: string, detail: Record<string, unknown>) =>
    context.onProgress?.({ workflow: WORKFLOW, phase, done: done.length, total: stems.length, detail })
  try {
    if (method === 'bridge') {
      try {
        for (const [k, stem] of stems.entries()) {
          throwIfAborted(signal, WORKFLOW)
          progress('exporting through the bridge', { track: stem })
          await soloOnly(stem)
          await sendTo(client, '/live/song/stop_playing', [], signal)
          await sendTo(client, '/live/song/set/current_song_time', [0], signal)
          // The bridge records whole bars from the next bar line: one bar of pre-roll plus the stem's bars.
          const timeoutMs = ((beats + 2 * barBeats) * 60_000) / set.song.tempo + 10_000
          const { path: file } = await bridgeExport(
            client,
            { path: `${o.folder}/${names[k]}.wav`, format: 'wav', bars: beats / barBeats, timeoutMs },
            () => sendTo(client, '/live/song/start_playing', [], signal),
            context,
          )
          await sendTo(client, '/live/song/stop_playing', [], signal)
          done.push({
            track: stem,
            trackName: set.tracks[stem]!.name,
            name: names[k]!,
            slot: null,
            file,
            lengthBeats: beats,
          })
        }
        const folder = done[0]?.file?.slice(0, done[0].file.lastIndexOf('/')) ?? o.folder
        notes.push(`The Max for Live bridge wrote ${done.length} WAV file(s) to '${folder}'.`)
      } catch (error) {
        if (!isLiveError(error, 'UNSUPPORTED') || done.length > 0 || o.method === 'bridge') throw error
        method = 'resample'
        notes.push(
          `The bridge could not write files (${error.shortMessage}); recorded the stems by resampling instead.`,
        )
      }
    }
    if (method === 'resample') {
      const track = await resample(client, set, stems, names, beats, barBeats, o, soloOnly, done, context)
      notes.push(resampleNote(track, o.createResampleTrack ? RESAMPLE_TRACK_NAME : set.tracks[track]!.name))
      return { method, resampleTrack: track, stems: done, filesWritten: false, notes }
    }
    return { method, resampleTrack: null, stems: done, filesWritten: true, notes }
  } finally {
    await sendTo(client, '/live/song/stop_playing', [])
    await soloOnly(undefined)
    await sendTo(client, '/live/song/set/current_song_time', [songTime])
  }
}

async function resample(
  client: LiveClient,
  set: LiveSet,
  stems: readonly number[],
  names: readonly string[],
  beats: number,
  barBeats: number,
  o: { createResampleTrack: boolean; resampleTrack?: number | undefined },
  soloOnly: (stem: number | undefined) => Promise<void>,
  done: ExportedStem[],
  context: WorkflowContext,
): Promise<number> {
  const { signal } = context
  const track = o.createResampleTrack ? set.tracks.length : o.resampleTrack!
  if (o.createResampleTrack) {
    await sendTo(client, '/live/song/create_audio_track', [-1], signal)
    await sendTo(client, '/live/track/set/name', [track, RESAMPLE_TRACK_NAME], signal)
  }
  if (!(await setResamplingInput(client, track, signal))) {
    throw new LiveError('UNSUPPORTED', `track ${track + 1} does not offer Resampling as its input`, {
      metaMessages: ['Resampling needs an audio track: leave createResampleTrack on.'],
    })
  }
  const empty = o.createResampleTrack
    ? set.scenes.map((s) => s.index)
    : set.tracks[track]!.clipSlots.filter((s) => !s.hasClip).map((s) => s.index)
  let scenes = set.scenes.length
  const restore = await armForRecording(client, set, track, signal)
  try {
    for (const [k, stem] of stems.entries()) {
      throwIfAborted(signal, WORKFLOW)
      context.onProgress?.({
        workflow: WORKFLOW,
        phase: 'recording',
        done: k,
        total: stems.length,
        detail: { track: stem },
      })
      let slot = empty[k]
      if (slot === undefined) {
        await sendTo(client, '/live/song/create_scene', [-1], signal)
        slot = scenes++
      }
      await soloOnly(stem)
      await sendTo(client, '/live/song/stop_playing', [], signal)
      await sendTo(client, '/live/song/set/current_song_time', [0], signal)
      const take = { track, slot, beats, tempo: set.song.tempo, barBeats, workflow: WORKFLOW }
      const lengthBeats = await recordTake(client, take, context)
      await sendTo(client, '/live/song/stop_playing', [], signal)
      await sendTo(client, '/live/clip/set/name', [track, slot, names[k]!], signal)
      done.push({ track: stem, trackName: set.tracks[stem]!.name, name: names[k]!, slot, file: null, lengthBeats })
    }
  } finally {
    await restore()
  }
  return track
}

function plan(
  method: 'bridge' | 'resample',
  set: LiveSet,
  stems: readonly number[],
  names: readonly string[],
  beats: number,
  bars: number,
  folder: string,
): WorkflowPlan {
  const messages: PlannedMessage[] = []
  const add = (address: string, args: PlannedMessage['args'], note: string) =>
    messages.push({ atMs: 0, address, args, note })
  const track = set.tracks.length
  const restored = 'Afterwards solos, arms, the selected scene and the song position are put back as they were.'
  if (method === 'resample') {
    add('/live/song/create_audio_track', [-1], `create track ${track + 1} '${RESAMPLE_TRACK_NAME}'`)
    add('/live/track/set/input_routing_type', [track, 'Resampling'], 'record what the master plays')
    add('/live/track/set/arm', [track, true], 'arm it (other armed tracks are disarmed meanwhile)')
  }
  for (const [k, stem] of stems.entries()) {
    add(
      '/live/track/set/solo',
      [stem, true],
      `solo track ${stem + 1} '${set.tracks[stem]!.name}' (the others unsoloed)`,
    )
    add('/live/song/set/current_song_time', [0], 'from the start')
    if (method === 'bridge') {
      add(
        '/live/bridge/export/start',
        [`${folder}/${names[k]}.wav`, 'wav', bars],
        'the bridge records the master to a file',
      )
      add('/live/song/start_playing', [], 'play; wait for /live/bridge/export/done')
    } else {
      add('/live/view/set/selected_scene', [k], `record into slot ${k + 1}`)
      add('/live/song/trigger_session_record', [beats], `record ${beats} beats`)
      add('/live/clip/set/name', [track, k, names[k]!], 'name the clip after the stem')
    }
  }
  return {
    workflow: WORKFLOW,
    messages,
    notes:
      method === 'bridge'
        ? ['The Max for Live bridge writes one WAV file per stem (its /live/bridge/export addresses).', restored]
        : [resampleNote(track, RESAMPLE_TRACK_NAME), restored],
  }
}
