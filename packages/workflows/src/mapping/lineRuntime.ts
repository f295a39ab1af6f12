import type { LiveClient, Unwatch } from '@live/client'
import { isLiveError, LiveError } from '@live/protocol'
import { type BankOffsets, type BoundTarget, bindTarget, type TargetLevel } from './bindTarget.js'
import { type ControlInput, controlMode, readControl, type TargetCategory } from './controlInput.js'
import { describeControl, encodeFeedback, encodePitchBend, type MidiEvent } from './controlKey.js'
import { type LineCurve, lineCurve } from './lineCurve.js'
import type { MappingEvent, MappingRow } from './mappingEvents.js'
import type { ControlMode, MappingLine, MidiMap } from './midiMapSchema.js'
import { liveMoved, pickUp, type TakeoverState } from './softTakeover.js'

/** What a line needs from the mapping it belongs to. */
export interface LineContext {
  readonly client: LiveClient
  readonly map: MidiMap
  readonly signal: AbortSignal
  /** Sends feedback bytes to the controller (nothing when there is no output). */
  send(bytes: readonly number[]): void
  emit(event: MappingEvent): void
  now(): number
  /** Bank and page moves, which the mapping makes itself. */
  moveBank(tracks: number, scenes: number): void
  setPage(page: number, momentary: 'press' | 'release' | undefined): void
  readonly page: number
}

/** One line of a running mapping: its binding at the current bank, its takeover state, its feedback. */
export interface LineRuntime {
  readonly index: number
  readonly line: MappingLine
  /** Binds (or re-binds, after a bank move) and starts feedback. */
  bind(offsets: BankOffsets): Promise<void>
  unbind(): void
  handle(event: MidiEvent): void
  /** Sends the current level again (page changes, start). */
  refresh(): void
  /** Turns a button's LED off (when the mapping stops). */
  darken(): void
  row(): MappingRow
}

const isRelative = (mode: ControlMode) => mode.startsWith('relative-')

/** How long binding waits for a watcher's first value before going on without it. */
const FIRST_VALUE_MS = 1000

/** Creates the runtime of one mapping line. */
export function createLineRuntime(index: number, line: MappingLine, ctx: LineContext): LineRuntime {
  const name = line.name ?? describeControl(line.control, ctx.map.channel)
  const controlText = describeControl(line.control, ctx.map.channel)
  const takeover = line.takeover ?? ctx.map.takeover ?? 'pickup'
  const fb = line.feedback ?? true
  const values = typeof fb === 'object' ? fb : {}
  const on = values.on ?? 127
  const off = values.off ?? 0
  let bound: BoundTarget | undefined
  let curve: LineCurve | undefined
  let mode: ControlMode = 'absolute'
  let generation = 0
  let unwatch: Unwatch | undefined
  let level: TargetLevel | undefined
  let lastWritten: number | boolean | undefined
  let lastSent: string | undefined
  let down = false
  let pending: number | boolean | undefined
  let offsets: BankOffsets = { track: 0, scene: 0 }
  let row: MappingRow = { index, name, control: controlText, target: '…', value: '', state: 'binding' }
  const state: TakeoverState = { engaged: false, control: undefined, live: undefined }

  const active = () => line.page === undefined || line.page === ctx.page
  const category = (): TargetCategory => bound?.category ?? 'trigger'

  const fail = (error: unknown) => {
    const live = isLiveError(error) ? error : new LiveError('INTERNAL', String(error), { cause: error })
    row = { ...row, state: 'error', detail: live.shortMessage }
    ctx.emit({ type: 'error', index, name, error: live })
  }

  const feedbackBytes = (value: TargetLevel): number[] | undefined => {
    if (fb === false) return undefined
    if (typeof value === 'string') {
      const colour = { empty: values.empty ?? off, stopped: values.stopped ?? off, playing: values.playing ?? on }
      const v = value === 'triggered' ? (values.triggered ?? colour.playing) : colour[value]
      return encodeFeedback(line.control, ctx.map.channel, v)
    }
    if (typeof value === 'boolean') return encodeFeedback(line.control, ctx.map.channel, value ? on : off)
    const x = curve?.toX(value) ?? 0
    if (line.control.pitchBend !== undefined) return encodePitchBend(line.control, ctx.map.channel, x)
    if (line.control.note !== undefined) return encodeFeedback(line.control, ctx.map.channel, x >= 0.5 ? on : off)
    return encodeFeedback(line.control, ctx.map.channel, x * 127)
  }

  const sendLevel = (value: TargetLevel, force = false) => {
    if (!active()) return
    const bytes = feedbackBytes(value)
    if (bytes === undefined) return
    const key = bytes.join(',')
    if (!force && key === lastSent) return
    lastSent = key
    ctx.send(bytes)
  }

  const onLevel = (value: TargetLevel) => {
    level = value
    if (typeof value !== 'number' || curve === undefined) return sendLevel(value)
    const tolerance = (curve.high - curve.low) * 1e-4 + 1e-6
    const echo = typeof lastWritten === 'number' && Math.abs(value - lastWritten) <= tolerance
    liveMoved(state, curve.toX(value), echo)
    row = { ...row, value: bound!.display(value) }
    // A fader that just moved the value is already where it says; sending it back would fight the hand.
    if (echo && mode === 'absolute') return
    sendLevel(value)
  }

  const flush = () => {
    const value = pending
    pending = undefined
    if (value === undefined || bound === undefined) return
    lastWritten = value
    bound.write(value).catch(fail)
  }

  const write = (value: number | boolean) => {
    if (pending === undefined) queueMicrotask(flush)
    pending = value
    if (typeof value === 'number') level = value
    row = { ...row, value: bound!.display(value), state: 'moved', movedAt: ctx.now() }
    ctx.emit({
      type: 'moved',
      index,
      name,
      control: controlText,
      target: bound!.label,
      value,
      display: bound!.display(value),
    })
  }

  const fire = (steps: number) => {
    const target = line.target
    row = { ...row, state: 'moved', movedAt: ctx.now() }
    if (target.kind === 'bank') return ctx.moveBank((target.tracks ?? 0) * steps, (target.scenes ?? 0) * steps)
    if (target.kind === 'page' && target.page !== undefined) return ctx.setPage(target.page, undefined)
    if (target.kind === 'page') return ctx.setPage(ctx.page + target.step! * steps, undefined)
    ctx.emit({ type: 'fired', index, name, control: controlText, target: bound!.label })
    bound!.fire(steps, level).catch(fail)
  }

  // `program: any`: the program number is added to the target's index (scene 0 + program 5 = scene 5).
  const fireProgram = (n: number) => {
    const t = line.target
    if (t.kind === 'page') return ctx.setPage((t.page ?? 0) + n, undefined)
    const shifted =
      t.kind === 'scene'
        ? { ...t, scene: t.scene + n }
        : t.kind === 'select-scene' && t.scene !== undefined
          ? { ...t, scene: t.scene + n }
          : t.kind === 'select-track' && t.track !== undefined
            ? { ...t, track: t.track + n }
            : t
    row = { ...row, state: 'moved', movedAt: ctx.now() }
    bindTarget(ctx.client, shifted, offsets, ctx.signal)
      .then((b) => {
        ctx.emit({ type: 'fired', index, name, control: controlText, target: b.label })
        return b.fire(1, undefined)
      }, fail)
      .catch(fail)
  }

  const applyContinuous = (input: ControlInput) => {
    const c = curve!
    if (input.type === 'position') {
      if (takeover === 'pickup' && !pickUp(state, input.x)) {
        row = {
          ...row,
          state: 'pickup',
          detail: input.x < (state.live ?? 0) ? 'move up to pick up' : 'move down to pick up',
        }
        ctx.emit({ type: 'pickup', index, name, control: input.x, live: state.live ?? 0 })
        return
      }
      state.control = input.x
      state.engaged = true
      return write(c.toValue(input.x))
    }
    if (input.type === 'ticks') {
      const from = typeof level === 'number' ? level : c.low
      const raw = Math.min(c.high, Math.max(c.low, from + input.ticks * c.step))
      return write(bound!.quantized ? Math.round(raw) : raw)
    }
    if (mode === 'toggle') {
      if (input.type !== 'press') return
      const atHigh = typeof level === 'number' && c.toX(level) >= 0.5
      return write(c.toValue(atHigh ? 0 : 1))
    }
    if (mode === 'trigger') return input.type === 'press' ? write(c.toValue(1)) : undefined
    return write(c.toValue(input.type === 'press' ? 1 : 0))
  }

  const applySwitch = (input: ControlInput) => {
    const current = level === true
    if (input.type === 'position') {
      const next = input.x >= 0.5
      return next === current ? undefined : write(next)
    }
    if (input.type === 'ticks') return write(input.ticks > 0)
    if (mode === 'momentary') return write(input.type === 'press')
    if (input.type === 'press') return write(!current)
  }

  const applyTrigger = (input: ControlInput) => {
    if (line.target.kind === 'page' && line.target.page !== undefined && mode === 'momentary') {
      return ctx.setPage(line.target.page, input.type === 'press' ? 'press' : 'release')
    }
    if (input.type === 'ticks') return input.ticks === 0 ? undefined : fire(input.ticks)
    if (input.type === 'position') {
      const pressed = input.x >= 0.5
      if (pressed && !down) fire(1)
      down = pressed
      return
    }
    if (input.type === 'press') fire(1)
  }

  return {
    index,
    line,
    async bind(at) {
      offsets = at
      const mine = ++generation
      unwatch?.()
      unwatch = undefined
      level = undefined
      lastSent = undefined
      state.engaged = takeover === 'jump'
      state.live = undefined
      try {
        const next = await bindTarget(ctx.client, line.target, offsets, ctx.signal)
        if (mine !== generation) return
        bound = next
        curve = next.category === 'continuous' ? lineCurve(line, next) : undefined
        mode = controlMode(line.control, next.category)
        row = { index, name, control: controlText, target: next.label, value: '', state: 'idle' }
        if (next.watch !== undefined) {
          // Wait for Live's current value (bounded): soft takeover and relative steps start from it.
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, FIRST_VALUE_MS)
            const done = () => {
              clearTimeout(timer)
              resolve()
            }
            unwatch = next.watch!(
              (v) => {
                if (mine === generation) onLevel(v)
                done()
              },
              (error) => {
                done()
                if (mine !== generation) return
                row = { ...row, detail: `no feedback: ${error.shortMessage}` }
                ctx.emit({ type: 'error', index, name, error })
              },
            )
          })
        } else if (next.read !== undefined && isRelative(mode)) {
          level = await next.read().catch((error: unknown) => {
            fail(error)
            return undefined
          })
        }
      } catch (error) {
        if (mine === generation) fail(error)
      }
    },
    unbind() {
      generation++
      unwatch?.()
      unwatch = undefined
    },
    handle(event) {
      if (bound === undefined || !active()) return
      if (line.control.program !== undefined && line.control.program !== 'any' && line.control.program !== event.number)
        return
      if (line.control.program === 'any') return fireProgram(event.number)
      const input = readControl(mode, event)
      const kind = category()
      if (kind === 'continuous') return applyContinuous(input)
      if (kind === 'switch') return applySwitch(input)
      return applyTrigger(input)
    },
    refresh() {
      const t = line.target
      // A page button shows whether its page is the one on.
      if (t.kind === 'page' && t.page !== undefined) return sendLevel(ctx.page === t.page, true)
      if (level !== undefined) sendLevel(level, true)
    },
    darken() {
      if (bound !== undefined && bound.category !== 'continuous' && fb !== false && active()) {
        const bytes = encodeFeedback(line.control, ctx.map.channel, values.empty ?? off)
        if (bytes !== undefined) ctx.send(bytes)
      }
    },
    row: () => row,
  }
}
