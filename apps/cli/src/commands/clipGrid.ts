import { noMore } from '../cli/args.js'
import type { CommandContext, CommandGroup } from '../cli/context.js'
import { type Colors, table } from '../cli/output.js'
import { type GridTrack, readGrid, type SessionGrid } from './sessionGrid.js'

/** The widest a cell's name gets before it is cut with an ellipsis. */
const CELL = 14

const cut = (text: string) => (text.length > CELL ? `${text.slice(0, CELL - 1)}…` : text)

/**
 * A `#rrggbb` colour as an ANSI foreground: 24-bit where the terminal says it has it (COLORTERM), else
 * the nearest of the 216 colours of the 256-colour palette.
 */
function paint(color: string | null, env: CommandContext['env']): (text: string) => string {
  const rgb = color === null ? undefined : /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color)
  if (rgb === undefined || rgb === null) return (text) => text
  const [r, g, b] = [rgb[1]!, rgb[2]!, rgb[3]!].map((h) => Number.parseInt(h, 16)) as [number, number, number]
  const truecolor = /^(truecolor|24bit)$/i.test(env.COLORTERM ?? '')
  const code = truecolor
    ? `38;2;${r};${g};${b}`
    : `38;5;${16 + 36 * Math.round((r / 255) * 5) + 6 * Math.round((g / 255) * 5) + Math.round((b / 255) * 5)}`
  return (text) => `\u001b[${code}m${text}\u001b[39m`
}

/** One slot as a cell: ▶ playing, ▷ triggered, · empty; coloured with the clip's colour on a terminal. */
function cell(track: GridTrack, scene: number, c: Colors, env: CommandContext['env']): string {
  const clip = track.clips[scene] ?? null
  const mark = track.playingSlot === scene ? '▶ ' : track.triggeredSlot === scene ? '▷ ' : ''
  if (clip === null) return mark === '' ? c.dim('·') : `${mark}·`
  const name = cut(clip.name === '' ? '(clip)' : clip.name)
  const text = c.isColorSupported ? paint(clip.color, env)(name) : name
  return mark === '' ? text : `${c.bold(mark)}${text}`
}

function render(grid: SessionGrid, c: Colors, env: CommandContext['env']): string {
  if (grid.tracks.length === 0) return 'the set has no tracks'
  const headers = ['scene', ...grid.tracks.map((t) => `${t.index} ${cut(t.name)}${t.stopTriggered ? ' ■' : ''}`)]
  const rows = grid.scenes.map((scene) => [
    `${scene.index} ${cut(scene.name)}`.trimEnd(),
    ...grid.tracks.map((t) => cell(t, scene.index, c, env)),
  ])
  return `${table(headers, rows, c)}\n${c.dim('▶ playing  ▷ triggered  · empty  ■ stop triggered')}`
}

/** `live clips`: the session grid, tracks as columns and scenes as rows, with what plays and what is triggered. */
export const clipGrid: CommandGroup = {
  async clips(ctx) {
    noMore(ctx.positionals, 0, ctx.usage)
    const grid = await readGrid(await ctx.client(), { colors: true })
    ctx.out.result(() => render(grid, ctx.out.c, ctx.env), {
      tracks: grid.tracks.map(({ clips: _clips, ...track }) => track),
      scenes: grid.scenes,
      // Rows are scenes, as on screen: slots[scene][track].
      slots: grid.scenes.map((scene) =>
        grid.tracks.map((t) => {
          const clip = t.clips[scene.index] ?? null
          return clip === null
            ? null
            : { ...clip, playing: t.playingSlot === scene.index, triggered: t.triggeredSlot === scene.index }
        }),
      ),
    })
  },
}
