import { choiceArg, integerArg, noMore, required } from '../cli/args.js'
import { commandTable } from '../cli/commandTable.js'
import type { CommandRun } from '../cli/context.js'
import { usageError } from '../cli/exitCodes.js'
import { withProgress } from './progress.js'
import { flagNumber, oneOf, printPlan } from './workflowArgs.js'

/** `live export-stems`: each track alone, recorded in real time; says plainly what Live's own export must still do. */
export const exportStems: CommandRun = async (ctx) => {
  const tracks = ctx.positionals.map((t) => (/^\d+$/.test(t) ? integerArg(t, 'track index', 0, 999) : t))
  oneOf(ctx, 'bars', 'beats')
  const bars = flagNumber(ctx, 'bars', 1, 1024, true)
  const beats = flagNumber(ctx, 'beats', 0.25, 4096)
  const method =
    ctx.flags.method === undefined
      ? 'auto'
      : choiceArg(ctx.flags.method as string, '--method', commandTable['export-stems'].flags.method.choices)
  const name = ctx.flags.name as string | undefined
  if (name !== undefined && name.trim() === '')
    throw usageError('--name must be a pattern such as "{track} stem"', `Usage: ${ctx.usage}`)
  const folder = ctx.flags.folder as string | undefined
  const options = {
    tracks: tracks.length === 0 ? ('all' as const) : tracks,
    method,
    ...(bars === undefined ? {} : { bars }),
    ...(beats === undefined ? {} : { beats }),
    ...(name === undefined ? {} : { namePattern: name }),
    ...(folder === undefined ? {} : { folder }),
  }
  const workflows = await import('@live/workflows')
  const live = await ctx.client()
  if (ctx.flags['dry-run'] === true) {
    return printPlan(ctx, (await workflows.exportStems(live, { ...options, dryRun: true })).plan)
  }
  const result = await withProgress(ctx, 'export', (onProgress) =>
    workflows.exportStems(live, options, { signal: ctx.signal, onProgress }),
  )
  const how =
    result.method === 'bridge'
      ? 'the Max for Live bridge wrote WAV files'
      : `resampled into clips on track ${result.resampleTrack} (Live numbers it ${(result.resampleTrack ?? 0) + 1})`
  ctx.out.result(
    () =>
      [
        `exported ${result.stems.length} stem(s): ${how}`,
        ...result.stems.map((s) =>
          s.file === null
            ? `  track ${s.track} '${s.trackName}' → clip '${s.name}' in slot ${s.slot} (${s.lengthBeats} beats)`
            : `  track ${s.track} '${s.trackName}' → ${s.file}`,
        ),
        ...result.notes.map((n) => `note: ${n}`),
      ].join('\n'),
    result,
  )
}

/** `live record TRACK SLOT`: records a clip for N bars, or until Ctrl-C (which keeps the clip). */
export const recordCommand: CommandRun = async (ctx) => {
  const { words } = commandTable.record
  const newTrack = words.newTrack.join(' or ')
  const first = required(ctx.positionals, 0, `a track index, ${newTrack}`, ctx.usage)
  noMore(ctx.positionals, 2, ctx.usage)
  const track = words.newTrack.find((w) => w === first) ?? integerArg(first, `track (index, ${newTrack})`, 0, 999)
  const slotText = ctx.positionals[1]
  const slot =
    slotText === undefined || words.slot.some((w) => w === slotText)
      ? undefined
      : integerArg(slotText, `slot (scene index or ${words.slot.join(' or ')})`, 0, 999)
  const bars = flagNumber(ctx, 'bars', 1, 1024, true)
  const name = ctx.flags.name as string | undefined
  if (name !== undefined && (name.trim() === '' || name.length > 255)) {
    throw usageError(`--name must be 1 to 255 characters (got "${name}")`)
  }
  const resample = ctx.flags.resample === true
  if (resample && track === 'new-midi') throw usageError('--resample records audio: use an audio track or new-audio')
  const options = {
    track,
    resample,
    ...(slot === undefined ? {} : { slot }),
    ...(bars === undefined ? {} : { bars }),
    ...(name === undefined ? {} : { name }),
  }
  const { recordClip } = await import('@live/workflows')
  const live = await ctx.client()
  if (ctx.flags['dry-run'] === true) return printPlan(ctx, (await recordClip(live, { ...options, dryRun: true })).plan)
  if (bars === undefined) ctx.out.note('recording: Ctrl-C stops it and keeps the clip')
  const take = await withProgress(ctx, 'record', (onProgress) =>
    recordClip(live, options, { signal: ctx.signal, onProgress }),
  )
  ctx.out.result(
    take.lengthBeats > 0
      ? `recorded '${take.clipName}' on track ${take.track}, slot ${take.slot}: ${take.lengthBeats} beats`
      : `nothing was recorded on track ${take.track}, slot ${take.slot}`,
    take,
  )
}

/** `live clock`: MIDI clock following Live's tempo and transport, until Ctrl-C; `--list` names the ports. */
export const midiClockCommand: CommandRun = async (ctx) => {
  noMore(ctx.positionals, 0, ctx.usage)
  const node = await import('@live/workflows/node')
  if (ctx.flags.list === true) {
    const ports = await node.listMidiOutputs()
    ctx.out.result(
      ports.length === 0
        ? 'no MIDI output ports (create one: IAC Driver on macOS, loopMIDI on Windows; or use --virtual NAME)'
        : ports.map((p, i) => `${i}  ${p}`).join('\n'),
      { ports },
    )
    return
  }
  oneOf(ctx, 'output', 'virtual')
  const ppqn = flagNumber(ctx, 'ppqn', 1, 960, true)
  const outputText = ctx.flags.output as string | undefined
  const virtual = ctx.flags.virtual as string | undefined
  const output =
    virtual !== undefined
      ? await node.openVirtualOutput(virtual)
      : await node.openMidiOutput(
          outputText !== undefined && /^\d+$/.test(outputText) ? Number(outputText) : outputText,
        )
  const { midiClock } = await import('@live/workflows')
  const live = await ctx.client()
  ctx.out.note(`sending MIDI clock to "${output.name}" (following Live's tempo); Ctrl-C stops it`)
  const result = await midiClock(
    live,
    { output, closeOutput: true, ...(ppqn === undefined ? {} : { ppqn }) },
    { signal: ctx.signal },
  )
  ctx.out.result(
    `sent ${result.pulses} clock pulses to "${output.name}", followed ${result.tempoChanges} tempo change(s)`,
    {
      port: output.name,
      ...result,
    },
  )
}
