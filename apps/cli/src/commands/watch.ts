import type { Unwatch } from '@live/client'
import { formatDb, panToString, volumeToDb } from '@live/protocol'
import { choiceArg, integerArg, noMore, required } from '../cli/args.js'
import { commandTable } from '../cli/commandTable.js'
import type { CommandContext, CommandGroup } from '../cli/context.js'
import { jsonReplacer } from '../cli/output.js'

const { words } = commandTable.watch

type Subscribe = (onValue: (value: unknown) => void, onError: (error: unknown) => void) => Unwatch

function onOff(value: unknown): string {
  return value ? 'on' : 'off'
}

/** Picks the property to watch and how to show its values. */
async function target(
  ctx: CommandContext,
): Promise<{ label: string; subscribe: Subscribe; show: (v: unknown) => string }> {
  const what = choiceArg(required(ctx.positionals, 0, 'a property to watch', ctx.usage), 'property', [
    ...words.song,
    ...words.track,
  ])
  const live = await ctx.client()
  if (what === 'track') {
    const index = integerArg(required(ctx.positionals, 1, 'a track index', ctx.usage), 'track index', 0)
    const prop = choiceArg(
      required(ctx.positionals, 2, 'a track property', ctx.usage),
      'track property',
      words.trackProperty,
    )
    noMore(ctx.positionals, 3, ctx.usage)
    const t = live.track(index)
    const handle = {
      volume: t.volume,
      pan: t.panning,
      mute: t.mute,
      solo: t.solo,
      arm: t.arm,
      meter: t.outputMeterLevel,
      clip: t.playingSlotIndex,
      name: t.name,
    }[prop] as { watch: (w: { onValue: (v: unknown) => void; onError: (e: unknown) => void }) => Unwatch }
    const show = {
      volume: (v: unknown) => formatDb(volumeToDb(v as number)),
      pan: (v: unknown) => panToString(v as number),
      mute: onOff,
      solo: onOff,
      arm: onOff,
      meter: (v: unknown) =>
        `${'█'.repeat(Math.round((v as number) * 30)).padEnd(30, '·')} ${(v as number).toFixed(2)}`,
      clip: (v: unknown) => ((v as number) < 0 ? 'nothing playing' : `scene ${v as number}`),
      name: (v: unknown) => String(v),
    }[prop]
    return {
      label: `track ${index} ${prop}`,
      subscribe: (onValue, onError) => handle.watch({ onValue, onError }),
      show,
    }
  }
  const prop = what
  noMore(ctx.positionals, 1, ctx.usage)
  const s = live.song
  const handle = {
    tempo: s.tempo,
    beat: s.beat,
    playing: s.isPlaying,
    position: s.currentSongTime,
    metronome: s.metronome,
  }[prop] as { watch: (w: { onValue: (v: unknown) => void; onError: (e: unknown) => void }) => Unwatch }
  const show = {
    tempo: (v: unknown) => `${Math.round((v as number) * 100) / 100} BPM`,
    beat: (v: unknown) => `beat ${v as number}`,
    playing: (v: unknown) => (v ? '▶ playing' : '■ stopped'),
    position: (v: unknown) => `${(v as number).toFixed(2)} beats`,
    metronome: onOff,
  }[prop]
  return { label: prop, subscribe: (onValue, onError) => handle.watch({ onValue, onError }), show }
}

/** `live watch PROPERTY`: streams a listener's values until Ctrl-C (or `--count N`). */
export const watch: CommandGroup = {
  async watch(ctx) {
    const countText = ctx.flags.count as string | undefined
    const count = countText === undefined ? undefined : integerArg(countText, '--count', 1)
    const { label, subscribe, show } = await target(ctx)
    const values: unknown[] = []
    const { c } = ctx.out
    // AbletonOSC has one beat observer for every client: another client's start_listen/beat replaces it,
    // and the new one sends the current beat again at once (BEHAVIOUR.md, Beat listener). A beat that
    // repeats the last one is that, or a rewind within the beat: neither is a new beat.
    const repeated = (value: unknown) => label === 'beat' && values.length > 0 && values.at(-1) === value
    await new Promise<void>((resolve, reject) => {
      let unwatch: Unwatch | undefined
      const finish = (error?: unknown) => {
        unwatch?.()
        ctx.signal.removeEventListener('abort', stop)
        if (error === undefined) resolve()
        else reject(error)
      }
      const stop = () => finish()
      ctx.signal.addEventListener('abort', stop, { once: true })
      unwatch = subscribe(
        (value) => {
          if (repeated(value)) return
          values.push(value)
          if (ctx.out.json) {
            if (count === undefined)
              process.stdout.write(`${JSON.stringify({ property: label, value }, jsonReplacer)}\n`)
          } else {
            const time = new Date().toISOString().slice(11, 23)
            ctx.out.line(`${c.dim(time)}  ${label}  ${c.bold(show(value))}`)
          }
          if (count !== undefined && values.length >= count) finish()
        },
        (error) => finish(error),
      )
      if (ctx.signal.aborted) finish()
    })
    if (ctx.out.json && count !== undefined) ctx.out.result('', { property: label, values })
    // Give stop_listen a moment to leave before the socket closes.
    await new Promise((r) => setTimeout(r, 20))
  },
}
