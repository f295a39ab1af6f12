import { useState } from 'preact/hooks'
import { keys } from '../../shared/keys.js'
import { positionText } from '../format.js'
import { call, setKey } from '../link.js'
import { flag, num } from '../store.js'

function Position() {
  const text = positionText(num(keys.song('time')), num(keys.song('numerator'), 4), num(keys.song('denominator'), 4))
  return (
    <output class="position" aria-label="song position (bars.beats.sixteenths)" data-position="">
      {text}
    </output>
  )
}

function Tempo() {
  const tempo = num(keys.song('tempo'), 120)
  const [editing, setEditing] = useState<string | undefined>(undefined)
  const commit = () => {
    if (editing === undefined) return
    const bpm = Number(editing.replace(',', '.'))
    setEditing(undefined)
    if (Number.isFinite(bpm) && editing.trim() !== '') setKey(keys.song('tempo'), bpm)
  }
  return (
    <div class="tempo">
      <button
        type="button"
        class="small"
        aria-label="tempo down 1 BPM"
        onClick={() => setKey(keys.song('tempo'), Math.max(20, tempo - 1))}
      >
        −
      </button>
      <input
        class="tempo-input"
        aria-label="tempo (BPM)"
        inputMode="decimal"
        enterKeyHint="done"
        value={editing ?? tempo.toFixed(2)}
        onFocus={(event) => {
          setEditing(tempo.toFixed(2))
          ;(event.currentTarget as HTMLInputElement).select()
        }}
        onInput={(event) => setEditing((event.currentTarget as HTMLInputElement).value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') (event.currentTarget as HTMLInputElement).blur()
          if (event.key === 'Escape') {
            setEditing(undefined)
            ;(event.currentTarget as HTMLInputElement).blur()
          }
        }}
      />
      <button
        type="button"
        class="small"
        aria-label="tempo up 1 BPM"
        onClick={() => setKey(keys.song('tempo'), Math.min(999, tempo + 1))}
      >
        +
      </button>
      <button type="button" class="tap" onClick={() => call('tapTempo')}>
        Tap
      </button>
    </div>
  )
}

const NUMERATORS = Array.from({ length: 16 }, (_, i) => i + 1)
const DENOMINATORS = [1, 2, 4, 8, 16]

function Signature() {
  const numerator = num(keys.song('numerator'), 4)
  const denominator = num(keys.song('denominator'), 4)
  return (
    <div class="signature">
      <select
        aria-label="time signature numerator"
        value={String(numerator)}
        onChange={(event) => setKey(keys.song('numerator'), Number((event.currentTarget as HTMLSelectElement).value))}
      >
        {NUMERATORS.map((n) => (
          <option key={n} value={String(n)}>
            {n}
          </option>
        ))}
      </select>
      <span aria-hidden="true">/</span>
      <select
        aria-label="time signature denominator"
        value={String(denominator)}
        onChange={(event) => setKey(keys.song('denominator'), Number((event.currentTarget as HTMLSelectElement).value))}
      >
        {DENOMINATORS.map((d) => (
          <option key={d} value={String(d)}>
            {d}
          </option>
        ))}
      </select>
    </div>
  )
}

function Switch(props: { keyName: string; label: string; short: string }) {
  const on = flag(props.keyName)
  return (
    <button
      type="button"
      class={`switch${on ? ' on' : ''}`}
      aria-pressed={on}
      aria-label={props.label}
      onClick={() => setKey(props.keyName, !on)}
    >
      {props.short}
    </button>
  )
}

/** Play, stop, record, the position, tempo with tap, metronome, loop and signature. */
export function TransportBar() {
  const playing = flag(keys.song('playing'))
  return (
    <div class="transport">
      <button
        type="button"
        class={`play${playing ? ' on' : ''}`}
        aria-pressed={playing}
        aria-label="play"
        onClick={() => call('play')}
      >
        <span class="play-icon" aria-hidden="true" />
      </button>
      <button type="button" class="stop" aria-label="stop" onClick={() => call('stop')}>
        <span class="stop-icon" aria-hidden="true" />
      </button>
      <Switch keyName={keys.song('record')} label="session record" short="●" />
      <Position />
      <Tempo />
      <Switch keyName={keys.song('metronome')} label="metronome" short="Metro" />
      <Switch keyName={keys.song('loop')} label="loop" short="Loop" />
      <Signature />
    </div>
  )
}
