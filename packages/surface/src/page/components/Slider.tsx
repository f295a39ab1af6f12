import { useRef, useState } from 'preact/hooks'

/** What a {@link Slider} shows and does. */
export interface SliderProps {
  /** What it controls, for screen readers and tests ("Drums volume"). */
  readonly label: string
  /** The value in Live now. */
  readonly value: number
  readonly min: number
  readonly max: number
  /** Quantised parameters move in whole steps. */
  readonly step?: number | undefined
  /** A fader (vertical) or a knob-like strip (horizontal). */
  readonly vertical?: boolean | undefined
  /** What a double tap sets (Live's default: 0 dB, centre). */
  readonly resetTo?: number | undefined
  /** Live's text for a value. */
  readonly valueText: (value: number) => string
  /** Called while dragging (at most once a frame) and on release. */
  readonly onInput: (value: number) => void
  readonly class?: string | undefined
}

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v))

/**
 * A touch-first slider: drag anywhere on it to move the value from where it is (never a jump), a double
 * tap resets it, arrow keys step it. While a finger is on it, it shows the finger's value; otherwise Live's.
 */
export function Slider(props: SliderProps) {
  const { min, max, vertical = false } = props
  const [drag, setDrag] = useState<number | undefined>(undefined)
  const start = useRef<{ pos: number; value: number; length: number } | undefined>(undefined)
  const lastTap = useRef(0)
  const frame = useRef<number | undefined>(undefined)
  const pending = useRef<number | undefined>(undefined)
  // Keys pressed faster than Live echoes step on from the last value sent, not from a stale one.
  const keyed = useRef<{ value: number; at: number } | undefined>(undefined)

  const quantise = (v: number) => {
    const clamped = clamp(v, min, max)
    return props.step === undefined ? clamped : min + Math.round((clamped - min) / props.step) * props.step
  }
  const flush = () => {
    frame.current = undefined
    if (pending.current !== undefined) props.onInput(pending.current)
    pending.current = undefined
  }
  const emit = (v: number) => {
    pending.current = v
    frame.current ??= requestAnimationFrame(flush)
  }

  const shown = drag ?? props.value
  const fraction = max > min ? (clamp(shown, min, max) - min) / (max - min) : 0

  return (
    <div
      class={`slider ${vertical ? 'vertical' : 'horizontal'} ${props.class ?? ''}`}
      role="slider"
      tabIndex={0}
      aria-label={props.label}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={Number(shown.toFixed(4))}
      aria-valuetext={props.valueText(shown)}
      aria-orientation={vertical ? 'vertical' : 'horizontal'}
      style={{ '--fill': fraction.toFixed(4) }}
      onPointerDown={(event) => {
        const el = event.currentTarget as HTMLElement
        el.setPointerCapture(event.pointerId)
        const now = performance.now()
        if (now - lastTap.current < 300 && props.resetTo !== undefined) {
          lastTap.current = 0
          start.current = undefined
          props.onInput(props.resetTo)
          return
        }
        lastTap.current = now
        const rect = el.getBoundingClientRect()
        start.current = {
          pos: vertical ? event.clientY : event.clientX,
          value: props.value,
          length: Math.max(40, vertical ? rect.height : rect.width),
        }
        setDrag(props.value)
      }}
      onPointerMove={(event) => {
        const from = start.current
        if (from === undefined) return
        const delta = (vertical ? from.pos - event.clientY : event.clientX - from.pos) / from.length
        const next = quantise(from.value + delta * (max - min))
        if (Math.abs(delta) > 0.01) lastTap.current = 0
        setDrag(next)
        emit(next)
      }}
      onPointerUp={() => {
        if (frame.current !== undefined) cancelAnimationFrame(frame.current)
        flush()
        start.current = undefined
        setDrag(undefined)
      }}
      onPointerCancel={() => {
        start.current = undefined
        setDrag(undefined)
      }}
      onKeyDown={(event) => {
        const step = props.step ?? (max - min) / 100
        const by = { ArrowUp: step, ArrowRight: step, ArrowDown: -step, ArrowLeft: -step }[event.key]
        if (by === undefined) return
        event.preventDefault()
        const now = performance.now()
        const recent = keyed.current !== undefined && now - keyed.current.at < 1000
        const next = quantise((recent ? keyed.current!.value : props.value) + by)
        keyed.current = { value: next, at: now }
        props.onInput(next)
      }}
    >
      <div class="slider-track">
        <div class="slider-fill" />
        <div class="slider-thumb" />
      </div>
    </div>
  )
}
