/**
 * `/live/bridge/selftest`: every Live Object Model call the bridge relies on, run once against the model it
 * serves (Max's LiveAPI in the device, the in-memory set in the simulator), on a scratch MIDI track it creates
 * and deletes, each call timed. The first person to load the device in a real Live sends its table back
 * (`live doctor --bridge --json`), which tells us what only a real Live can confirm.
 */
import { type LiveObjectModel, LomError, type LomPath, type LomValue } from '../model/liveObjectModel.js'
import { type Arg, float, str } from './arg.js'
import type { Handler } from './context.js'

/** The address of the self-test. */
export const SELFTEST_ADDRESS = '/live/bridge/selftest'

/** How one check ended: `ok`, `fail`, or `skip` (the Live at hand lacks it; nothing is wrong). */
export type SelfTestResult = 'ok' | 'fail' | 'skip'

/** One row of the self-test's table. */
export interface SelfTestRow {
  /** The LOM call, as Max's LiveAPI spells it (`call live_set create_midi_track -1`). */
  readonly call: string
  /** How it ended. */
  readonly result: SelfTestResult
  /** How long it took, in milliseconds. */
  readonly ms: number
  /** What it returned, or why it failed. */
  readonly detail: string
}

/** What the host knows about itself, beyond the model. */
export interface SelfTestHost {
  /** Max's version (`max.version` in Max's JavaScript), or what stands in for Max. */
  readonly maxVersion: string
  /** The operating system (`max.os`, or the process's platform). */
  readonly os: string
  /** A monotonic clock in milliseconds. @default performance.now, else Date.now */
  readonly now?: (() => number) | undefined
  /** How the server starts an export when Live is stopped on the start bar, reported as a row. @default not reported */
  readonly exportStartFromStop?: string | undefined
}

/** The self-test's outcome: versions, and one row per call. */
export interface SelfTestReport {
  readonly liveVersion: string
  readonly maxVersion: string
  readonly os: string
  readonly rows: readonly SelfTestRow[]
}

const defaultNow = (): number => {
  const perf = (globalThis as { performance?: { now?: () => number } }).performance
  return typeof perf?.now === 'function' ? perf.now() : Date.now()
}

const show = (value: unknown): string => {
  if (value === undefined) return 'done'
  if (typeof value === 'function') return 'observing'
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text === undefined ? String(value) : text.length > 120 ? `${text.slice(0, 117)}...` : text
}

/**
 * Runs the self-test. The scratch track is created at the end of the track list and deleted at the end, whatever
 * failed in between; Song.begin_undo_step / end_undo_step group the edits into one undo entry where Live offers
 * them (Ableton's own Push script calls them; a Live without them gets a `skip` row and one entry per edit).
 * Live records track renames and device-parameter writes as their own entries even inside a step (reported
 * against Live 12.4 by another public bridge), so undo after a self-test may take three steps.
 *
 * @example
 * const report = runSelfTest(model, { maxVersion: '9.0.7', os: 'macos' })
 * report.rows.filter((row) => row.result === 'fail') // []
 */
export function runSelfTest(model: LiveObjectModel, host: SelfTestHost): SelfTestReport {
  const now = host.now ?? defaultNow
  const rows: SelfTestRow[] = []
  const run = <T>(call: string, fn: () => T, describe: (value: T) => string = show, skipKinds: string[] = []) => {
    const started = now()
    try {
      const value = fn()
      rows.push({ call, result: 'ok', ms: now() - started, detail: describe(value) })
      return value
    } catch (error) {
      const ms = now() - started
      const text = error instanceof Error ? error.message : String(error)
      const kind = error instanceof LomError ? error.kind : ''
      rows.push({ call, result: skipKinds.includes(kind) ? 'skip' : 'fail', ms, detail: text })
      return undefined
    }
  }
  const expect = (call: string, fn: () => LomValue, check: (value: LomValue) => string | undefined) =>
    run(call, () => {
      const value = fn()
      const problem = check(value)
      if (problem !== undefined) throw new Error(`${problem} (got ${show(value)})`)
      return value
    })

  const version = run('call live_app get_major_version / get_minor_version / get_bugfix_version', () =>
    ['get_major_version', 'get_minor_version', 'get_bugfix_version']
      .map((fn) => String(model.call('live_app', fn, [])))
      .join('.'),
  )
  const tempo = expect('get live_set tempo', () => model.get('live_set', 'tempo'), numberIn(20, 999))
  if (typeof tempo === 'number') run('set live_set tempo (same value)', () => model.set('live_set', 'tempo', tempo))
  expect('get live_set is_playing', () => model.get('live_set', 'is_playing'), isBoolean)
  expect('get live_set current_song_time', () => model.get('live_set', 'current_song_time'), numberIn(0, Infinity))
  expect('get live_set signature_numerator', () => model.get('live_set', 'signature_numerator'), numberIn(1, 99))
  const undoStep = run('call live_set begin_undo_step', () => model.call('live_set', 'begin_undo_step', []), show, [
    'AttributeError',
  ])
  const tracks = run('getcount live_set tracks', () => model.getCount('live_set', 'tracks'))
  let scratch: LomPath | undefined
  if (typeof tracks === 'number') {
    run('call live_set create_midi_track -1', () => model.call('live_set', 'create_midi_track', [-1]))
    const count = run('getcount live_set tracks (after create)', () => model.getCount('live_set', 'tracks'))
    if (count === tracks + 1) scratch = `live_set tracks ${tracks}`
    else rows.push({ call: 'scratch track', result: 'fail', ms: 0, detail: `track count ${count} after create` })
  }
  if (scratch !== undefined) {
    checkTrack(model, scratch, rows, run, expect, now)
    run(`call live_set delete_track ${scratch.split(' ').pop()}`, () =>
      model.call('live_set', 'delete_track', [Number(scratch!.split(' ').pop())]),
    )
    expect(
      'getcount live_set tracks (after delete)',
      () => model.getCount('live_set', 'tracks'),
      (n) => (n === tracks ? undefined : `expected ${tracks as number} tracks`),
    )
  }
  if (undoStep !== undefined) run('call live_set end_undo_step', () => model.call('live_set', 'end_undo_step', []))
  if (host.exportStartFromStop !== undefined) {
    rows.push({ call: 'export start from a stopped bar line', result: 'ok', ms: 0, detail: host.exportStartFromStop })
  }
  return {
    liveVersion: typeof version === 'string' ? version : 'unknown',
    maxVersion: host.maxVersion,
    os: host.os,
    rows,
  }
}

type Run = <T>(call: string, fn: () => T, describe?: (value: T) => string, skipKinds?: string[]) => T | undefined
type Expect = (call: string, fn: () => LomValue, check: (value: LomValue) => string | undefined) => LomValue | undefined

/** The track, mixer, clip, note and listener calls, on the scratch track. */
function checkTrack(
  model: LiveObjectModel,
  track: LomPath,
  rows: SelfTestRow[],
  run: Run,
  expect: Expect,
  now: () => number,
): void {
  expect(
    `type ${track}`,
    () => model.type(track),
    (t) => (t === 'Track' ? undefined : 'expected Track'),
  )
  // The listener latency bounds how late an export that starts on the transport (not a timepoint) begins.
  let heard: number | undefined
  let setAt = 0
  const stop = run(`observe ${track} name`, () =>
    model.observe(track, 'name', () => {
      heard ??= now() - setAt
    }),
  )
  setAt = now()
  run(`set ${track} name "live-bridge selftest"`, () => model.set(track, 'name', 'live-bridge selftest'))
  expect(
    `get ${track} name`,
    () => model.get(track, 'name'),
    (v) => (v === 'live-bridge selftest' ? undefined : 'expected the name just set'),
  )
  if (stop !== undefined) {
    const call = 'listener latency (set name → observer)'
    // Max may report a change only after the self-test has gone on: that is no failure, just no number.
    if (heard === undefined) {
      rows.push({ call, result: 'skip', ms: 0, detail: 'the observer was not called before the self-test went on' })
    } else rows.push({ call, result: 'ok', ms: 0, detail: `${heard.toFixed(3)} ms` })
    run(`stop observing ${track} name`, () => stop())
  }
  const volume = `${track} mixer_device volume`
  expect(
    `get ${volume} min / max`,
    () => [model.get(volume, 'min'), model.get(volume, 'max')],
    (v) => (Array.isArray(v) && v[0] === 0 && v[1] === 1 ? undefined : 'expected 0 and 1'),
  )
  run(`set ${volume} value 0.5`, () => model.set(volume, 'value', 0.5))
  expect(
    `get ${volume} value`,
    () => model.get(volume, 'value'),
    (v) => (typeof v === 'number' && Math.abs(v - 0.5) < 1e-6 ? undefined : 'expected 0.5'),
  )
  run(`call ${volume} str_for_value 0.5`, () => model.call(volume, 'str_for_value', [0.5]))
  expect(`getcount ${track} devices`, () => model.getCount(track, 'devices'), numberIn(0, Infinity))
  const slot = `${track} clip_slots 0`
  const slots = run(`getcount ${track} clip_slots`, () => model.getCount(track, 'clip_slots'))
  if (typeof slots !== 'number' || slots === 0) return
  run(`call ${slot} create_clip 4`, () => model.call(slot, 'create_clip', [4]))
  expect(
    `get ${slot} has_clip`,
    () => model.get(slot, 'has_clip'),
    (v) => (v === true || v === 1 ? undefined : 'expected True (1)'),
  )
  const clip = `${slot} clip`
  const notes = { notes: [{ pitch: 60, start_time: 0, duration: 1, velocity: 100, mute: false }] }
  run(`call ${clip} add_new_notes (1 note)`, () => model.call(clip, 'add_new_notes', [JSON.stringify(notes)]))
  expect(
    `call ${clip} get_notes_extended 0 128 0 4`,
    () => model.call(clip, 'get_notes_extended', [0, 128, 0, 4]),
    (v) => (countNotes(v) === 1 ? undefined : 'expected 1 note'),
  )
  run(`call ${slot} delete_clip`, () => model.call(slot, 'delete_clip', []))
  expect(
    `exists ${clip} (after delete_clip)`,
    () => model.exists(clip),
    (v) => (v === false ? undefined : 'expected no clip'),
  )
}

function countNotes(value: LomValue): number {
  let v: unknown = value
  if (typeof v === 'string') v = JSON.parse(v)
  if (v !== null && typeof v === 'object' && 'notes' in v) v = (v as { notes: unknown }).notes
  return Array.isArray(v) ? v.length : -1
}

const numberIn =
  (min: number, max: number) =>
  (v: LomValue): string | undefined =>
    typeof v === 'number' && v >= min && v <= max ? undefined : `expected a number from ${min} to ${max}`

/** LiveAPI hands booleans over as 1/0; the simulator as true/false. Both are fine. */
const isBoolean = (v: LomValue): string | undefined =>
  v === true || v === false || v === 0 || v === 1 ? undefined : 'expected a boolean (or 1/0)'

/** The reply's arguments: versions, then call, result, ms, detail for every row. */
export function selfTestReply(report: SelfTestReport): Arg[] {
  const out: Arg[] = [str(report.liveVersion), str(report.maxVersion), str(report.os)]
  for (const row of report.rows) out.push(str(row.call), str(row.result), float(row.ms), str(row.detail))
  return out
}

/** The simulator's OS, read without importing `node:*` (this package also runs inside Max). */
function hostPlatform(): string {
  const platform = (globalThis as { process?: { platform?: string } }).process?.platform
  return platform === undefined ? 'unknown' : platform
}

/** The self-test's address for servers that are not Max (the simulator's bridge flavour). */
export function selfTestHandlers(): [string, Handler][] {
  return [
    [
      SELFTEST_ADDRESS,
      (ctx) => selfTestReply(runSelfTest(ctx.model, { maxVersion: 'none (simulator)', os: hostPlatform() })),
    ],
  ]
}
