import { boolArg, noMore, numberArg } from '../cli/args.js'
import type { CommandContext, CommandGroup } from '../cli/context.js'
import { usageError } from '../cli/exitCodes.js'

/** The OSC type tag of a value as a song-level set sends it. */
function tag(value: number | boolean, float: boolean): string {
  if (typeof value === 'boolean') return value ? 'T' : 'F'
  return float ? 'f' : 'i'
}

/** A song call that takes no arguments and sends no reply: fire and forget. */
function call(address: string, done: string, key: string) {
  return async (ctx: CommandContext) => {
    noMore(ctx.positionals, 0, ctx.usage)
    await ctx.send({ address, args: [], types: '' })
    ctx.out.result(ctx.out.c.green(done), { ok: true, [key]: true })
  }
}

/** A song property that a bare command reads and an argument sets. */
async function songSwitch(ctx: CommandContext, property: 'metronome' | 'record_mode', label: string) {
  noMore(ctx.positionals, 1, ctx.usage)
  const text = ctx.positionals[0]
  const key = property === 'record_mode' ? 'record' : property
  if (text === undefined) {
    const live = await ctx.client()
    const value = property === 'metronome' ? await live.song.metronome.get() : await live.song.recordMode.get()
    ctx.out.result(`${label} ${value ? 'on' : 'off'}`, { [key]: value })
    return
  }
  const value = boolArg(text, `${label} (on|off)`)
  await ctx.send({ address: `/live/song/set/${property}`, args: [value], types: tag(value, false) })
  ctx.out.result(`${label} ${value ? ctx.out.c.green('on') : 'off'}`, { [key]: value })
}

/** Transport commands: play, stop, continue, record, tempo, sig, metronome, pos, undo, redo. */
export const transport: CommandGroup = {
  play: call('/live/song/start_playing', '▶ playing', 'playing'),
  stop: call('/live/song/stop_playing', '■ stopped', 'stopped'),
  continue: call('/live/song/continue_playing', '▶ continuing', 'playing'),
  undo: call('/live/song/undo', 'undone', 'undone'),
  redo: call('/live/song/redo', 'redone', 'redone'),

  async record(ctx) {
    const first = ctx.positionals[0]
    if (ctx.positionals.length >= 2 || first === 'new-audio' || first === 'new-midi') {
      const { workflows } = await import('./workflows.js')
      return workflows.record!(ctx)
    }
    return songSwitch(ctx, 'record_mode', 'record')
  },

  metronome: (ctx) => songSwitch(ctx, 'metronome', 'metronome'),

  async tempo(ctx) {
    noMore(ctx.positionals, 1, ctx.usage)
    const text = ctx.positionals[0]
    if (text === undefined) {
      const tempo = await (await ctx.client()).song.tempo.get()
      ctx.out.result(`${round(tempo)} BPM`, { tempo })
      return
    }
    const tempo = numberArg(text.replace(/\s*bpm$/i, ''), 'tempo (BPM)', 20, 999)
    await ctx.send({ address: '/live/song/set/tempo', args: [tempo], types: 'f' })
    ctx.out.result(`tempo ${round(tempo)} BPM`, { tempo })
  },

  async sig(ctx) {
    noMore(ctx.positionals, 1, ctx.usage)
    const text = ctx.positionals[0]
    if (text === undefined) {
      const live = await ctx.client()
      const [numerator, denominator] = await Promise.all([
        live.song.signatureNumerator.get(),
        live.song.signatureDenominator.get(),
      ])
      ctx.out.result(`${numerator}/${denominator}`, { numerator, denominator })
      return
    }
    const signature = parseSignatureArg(text)
    await ctx.send(
      { address: '/live/song/set/signature_numerator', args: [signature.numerator], types: 'i' },
      { address: '/live/song/set/signature_denominator', args: [signature.denominator], types: 'i' },
    )
    ctx.out.result(`time signature ${signature.numerator}/${signature.denominator}`, { ...signature })
  },

  async pos(ctx) {
    noMore(ctx.positionals, 1, ctx.usage)
    const text = ctx.positionals[0]
    if (text === undefined) {
      const live = await ctx.client()
      const [beats, numerator, denominator] = await Promise.all([
        live.song.currentSongTime.get(),
        live.song.signatureNumerator.get(),
        live.song.signatureDenominator.get(),
      ])
      const { beatsToPosition } = await import('@live/protocol')
      const position = beatsToPosition(Math.max(0, beats), { numerator, denominator })
      ctx.out.result(`${position}  (beat ${round(beats)})`, { beats, position })
      return
    }
    let beats: number
    if (/^\d+\.\d+\.\d+$/.test(text.trim()) || /^\d+\.\d+\.$/.test(text.trim())) {
      const live = await ctx.client()
      const [numerator, denominator] = await Promise.all([
        live.song.signatureNumerator.get(),
        live.song.signatureDenominator.get(),
      ])
      const { positionToBeats } = await import('@live/protocol')
      try {
        beats = positionToBeats(text, { numerator, denominator })
      } catch (error) {
        throw usageError(`position ${(error as Error).message.replace(/^INVALID_ARGUMENTS: /, '')}`)
      }
    } else {
      beats = numberArg(text, 'position (beats, or bars.beats.sixteenths like 5.1.1)', 0)
    }
    await ctx.send({ address: '/live/song/set/current_song_time', args: [beats], types: 'f' })
    ctx.out.result(`position → beat ${round(beats)}`, { beats })
  },
}

function round(value: number): string {
  return String(Math.round(value * 100) / 100)
}

/** Checks "N/D" as Live allows it (N 1..99, D 1, 2, 4, 8 or 16) without loading @live/protocol. */
function parseSignatureArg(text: string): { numerator: number; denominator: number } {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text)
  const numerator = Number(match?.[1])
  const denominator = Number(match?.[2])
  if (match === null || numerator < 1 || numerator > 99 || ![1, 2, 4, 8, 16].includes(denominator)) {
    throw usageError(
      `time signature must be N/D with N from 1 to 99 and D one of 1, 2, 4, 8, 16 (got "${text}")`,
      'Example: live sig 6/8',
    )
  }
  return { numerator, denominator }
}
