import type { LiveClient } from '@live/client'
import { colorToHex, hexToColor, LiveError, parseSignature } from '@live/protocol'
import type { UpdateArgs } from '../tools/updateTool.js'
import { MONITORING } from './readObjects.js'
import { requireScene, requireTrack } from './setFacts.js'
import { requireReturn } from './strip.js'
import { parseTrackRef } from './trackRef.js'
import { parseArg, raw } from './values.js'
import { writeBack } from './writeBack.js'

/** A colour argument (`#rrggbb`, `#rgb` or Live's int) as Live's int. */
export function colorArg(value: string | number): number {
  return typeof value === 'number' ? value : parseArg('color', () => hexToColor(value))
}

function onlyOn(what: string, given: readonly string[], allowed: readonly string[]): void {
  const extra = given.filter((key) => !allowed.includes(key))
  if (extra.length > 0) {
    throw new LiveError('UNSUPPORTED', `${extra.join(', ')} cannot be changed on ${what}`, {
      metaMessages: [`On ${what} ableton_update changes ${allowed.join(' and ')}.`],
    })
  }
}

const givenKeys = (args: UpdateArgs) =>
  Object.keys(args).filter((k) => k !== 'track' && k !== 'scene' && args[k as keyof UpdateArgs] !== undefined)

/**
 * Applies the track settings of an `ableton_update` call: name, colour, sends, monitoring, fold and routing of a
 * track; name and colour of a return track; colour of the master (the last two through the bridge).
 *
 * @example
 * await updateTrack(live, 1, { name: 'Bass', sends: { '0': 0.3 } }) // { name: 'Bass', sends: { '0': 0.3 } }
 */
export async function updateTrack(
  live: LiveClient,
  track: number | string,
  args: UpdateArgs,
): Promise<Record<string, unknown>> {
  const ref = parseTrackRef(track)
  const given = givenKeys(args)
  if ('master' in ref.owner) {
    onlyOn('the master', given, ['color'])
    await live.masterTrack.color.set(colorArg(args.color!))
    return { color: colorToHex(await live.masterTrack.color.get()) }
  }
  if ('return' in ref.owner) {
    onlyOn('a return track', given, ['name', 'color'])
    await requireReturn(live, ref.owner.return)
    const r = live.returnTrack(ref.owner.return)
    const w = writeBack()
    await w.set('name', args.name, r.name)
    await w.set('color', args.color, r.color, colorArg, colorToHex)
    return w.values
  }
  const index = ref.owner.track
  await requireTrack(live, index)
  const t = live.track(index)
  const w = writeBack()
  const { values } = w
  await w.set('name', args.name, t.name)
  await w.set('color', args.color, t.color, colorArg, colorToHex)
  if (args.sends !== undefined) {
    const sends: Record<string, number> = {}
    for (const [key, level] of Object.entries(args.sends)) {
      const send = parseArg('sends', () => {
        if (!/^\d+$/.test(key)) {
          throw new LiveError('INVALID_ARGUMENTS', `key ${JSON.stringify(key)} is not a send index (0 is send A)`)
        }
        return Number(key)
      })
      await t.send(send).set(level)
      sends[key] = raw(await t.send(send).get())
    }
    values.sends = sends
  }
  await w.set(
    'monitoring',
    args.monitoring,
    t.currentMonitoringState,
    (state) => MONITORING.indexOf(state),
    (state) => MONITORING[state ?? -1] ?? null,
  )
  await w.set('fold', args.fold, t.foldState, undefined, Boolean)
  await w.set('input', args.input, t.inputRoutingType)
  await w.set('output', args.output, t.outputRoutingType)
  return values
}

/**
 * Applies the scene settings of an `ableton_update` call: name, colour, and the scene's own tempo and
 * signature (a value turns them on, null off).
 *
 * @example
 * await updateScene(live, 2, { name: 'Drop', tempo: 128 }) // { name: 'Drop', tempo: 128 }
 */
export async function updateScene(live: LiveClient, scene: number, args: UpdateArgs): Promise<Record<string, unknown>> {
  await requireScene(live, scene)
  const s = live.scene(scene)
  const w = writeBack()
  const { values } = w
  await w.set('name', args.name, s.name)
  await w.set('color', args.color, s.color, colorArg, colorToHex)
  if (args.tempo !== undefined) {
    if (args.tempo !== null) await s.tempo.set(args.tempo)
    await s.tempoEnabled.set(args.tempo !== null)
    values.tempo = (await s.tempoEnabled.get()) ? await s.tempo.get() : null
  }
  if (args.signature !== undefined) {
    if (args.signature !== null) {
      const { numerator, denominator } = parseArg('signature', () => parseSignature(args.signature!))
      await s.timeSignatureNumerator.set(numerator)
      await s.timeSignatureDenominator.set(denominator)
    }
    await s.timeSignatureEnabled.set(args.signature !== null)
    values.signature = (await s.timeSignatureEnabled.get())
      ? `${await s.timeSignatureNumerator.get()}/${await s.timeSignatureDenominator.get()}`
      : null
  }
  return values
}
