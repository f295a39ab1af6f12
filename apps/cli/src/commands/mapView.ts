import type { ActiveMapping, MappingEvent, MidiMap } from '@live/workflows'
import { type Output, table } from '../cli/output.js'

/** One line for an event, when stdout is not a terminal (logs, pipes, tests). */
export function eventLine(event: MappingEvent): string | undefined {
  switch (event.type) {
    case 'moved':
      return `${event.name}  ${event.control} → ${event.target} = ${event.display}`
    case 'fired':
      return `${event.name}  ${event.control} → ${event.target}`
    case 'pickup':
      return `${event.name}  waiting to pick up: move ${event.control < event.live ? 'up' : 'down'} to ${Math.round(event.live * 127)}`
    case 'bank':
      return `bank: tracks from ${event.tracks}, scenes from ${event.scenes} (in banks)`
    case 'page':
      return `page ${event.page}`
    case 'unmapped':
      return `(not mapped) ${event.message}`
    case 'error':
      return `${event.name === undefined ? '' : `${event.name}: `}${event.error.code}: ${event.error.shortMessage}`
  }
}

/**
 * The live table of what moved, redrawn in place on a terminal (at most 20 times a second): each line's control,
 * its target at the current bank, its value and state.
 */
export function liveTable(out: Output, mapping: ActiveMapping): { update(): void; stop(): void } {
  let timer: NodeJS.Timeout | undefined
  let drawn = 0
  const draw = () => {
    timer = undefined
    const now = performance.now()
    const rows = mapping.rows().map((r) => {
      const recent = r.movedAt !== undefined && now - r.movedAt < 1500
      const state = r.state === 'moved' && !recent ? 'idle' : r.state
      const cells = [r.name, r.control, r.target, r.value, state === 'idle' ? '' : state, r.detail ?? '']
      return recent ? cells.map((c) => out.c.bold(c)) : cells
    })
    const head = `${mapping.name}  ·  in: ${mapping.input}${mapping.output === undefined ? '' : `  out: ${mapping.output}`}  ·  bank ${mapping.bank.tracks}/${mapping.bank.scenes}  page ${mapping.page}  ·  Ctrl-C stops`
    const text = `${head}\n${table(['control', 'midi', 'target', 'value', 'state', ''], rows, out.c)}`
    // Move up over the last drawing and clear below it.
    process.stdout.write(`${drawn > 0 ? `\u001b[${drawn}A` : ''}\u001b[0J${text}\n`)
    drawn = text.split('\n').length
  }
  return {
    update() {
      timer ??= setTimeout(draw, 50)
    },
    stop() {
      if (timer !== undefined) clearTimeout(timer)
      draw()
    },
  }
}

/** The lines of a mapping for `--dry-run`: what each control will do, without Live or MIDI. */
export function describeMap(
  map: MidiMap,
  describeControl: (c: MidiMap['mappings'][number]['control'], ch?: number) => string,
): string[][] {
  return map.mappings.map((line, i) => [
    String(i),
    line.name ?? '',
    describeControl(line.control, map.channel),
    targetWords(line.target),
    line.page === undefined ? '' : `page ${line.page}`,
  ])
}

/** A target in words, before it is bound (bank 0). */
export function targetWords(target: MidiMap['mappings'][number]['target']): string {
  const t = target as Record<string, unknown>
  const owner =
    t.master === true
      ? 'master '
      : t.return !== undefined
        ? `return ${t.return} `
        : t.track !== undefined
          ? `track ${t.track} `
          : ''
  const rest = Object.entries(t)
    .filter(([k]) => !['kind', 'track', 'return', 'master'].includes(k))
    .map(([k, v]) => `${k} ${typeof v === 'string' ? JSON.stringify(v) : Array.isArray(v) ? v.join(',') : String(v)}`)
  return `${owner}${target.kind}${rest.length > 0 ? ` (${rest.join(', ')})` : ''}`
}
