import { keys, type SetShape } from '../../shared/keys.js'
import { cssColor, inkOn } from '../format.js'
import { call, setKey } from '../link.js'
import { num, text, value } from '../store.js'

const range = (n: number) => Array.from({ length: n }, (_, i) => i)

/** What a slot shows: Live's playing and fired slot indices of its track decide, plus the clip's recording flag. */
function slotState(t: number, s: number): 'empty' | 'stopped' | 'playing' | 'triggered' | 'recording' {
  const has = value<boolean>(keys.clip(t, s, 'has')) === true
  if (num(keys.track(t, 'fired'), -1) === s) return 'triggered'
  if (num(keys.track(t, 'playing'), -1) === s && has) {
    return value<boolean>(keys.clip(t, s, 'recording')) === true ? 'recording' : 'playing'
  }
  return has ? 'stopped' : 'empty'
}

function ClipSlot({ t, s }: { t: number; s: number }) {
  const state = slotState(t, s)
  const color = value<number>(keys.clip(t, s, 'color'))
  const name = text(keys.clip(t, s, 'name'))
  const filled = state !== 'empty'
  return (
    <button
      type="button"
      class={`slot ${state}`}
      data-clip={`${t}:${s}`}
      data-state={state}
      aria-label={`${text(keys.track(t, 'name'), `track ${t + 1}`)}, scene ${s + 1}: ${filled ? name || 'clip' : 'empty slot'} (${state})`}
      style={filled ? { background: cssColor(color), color: inkOn(color) } : undefined}
      onClick={() => call('fireClip', t, s)}
    >
      {filled ? name : ''}
    </button>
  )
}

function TrackHeader({ t }: { t: number }) {
  const color = value<number>(keys.track(t, 'color'))
  const selected = num(keys.selectedTrack, -1) === t
  return (
    <button
      type="button"
      class={`track-head${selected ? ' selected' : ''}`}
      data-track-head={t}
      aria-pressed={selected}
      aria-label={`Select track ${text(keys.track(t, 'name'), String(t + 1))}`}
      style={{ background: cssColor(color), color: inkOn(color) }}
      onClick={() => setKey(keys.selectedTrack, t)}
    >
      {text(keys.track(t, 'name'), `${t + 1}`)}
    </button>
  )
}

function TrackStop({ t }: { t: number }) {
  const stopping = num(keys.track(t, 'fired'), -1) === -2
  const playing = num(keys.track(t, 'playing'), -1) >= 0
  return (
    <button
      type="button"
      class={`track-stop${stopping ? ' triggered' : ''}${playing ? ' active' : ''}`}
      data-track-stop={t}
      aria-label={`Stop track ${text(keys.track(t, 'name'), String(t + 1))}`}
      onClick={() => call('stopTrack', t)}
    >
      <span class="stop-icon" aria-hidden="true" />
    </button>
  )
}

function SceneButton({ s }: { s: number }) {
  const color = value<number>(keys.scene(s, 'color'))
  const triggered = value<boolean>(keys.scene(s, 'triggered')) === true
  const name = text(keys.scene(s, 'name'))
  return (
    <button
      type="button"
      class={`scene${triggered ? ' triggered' : ''}`}
      data-scene={s}
      aria-label={`Launch scene ${s + 1}${name ? ` ${name}` : ''}`}
      style={{ borderLeftColor: cssColor(color, '#555') }}
      onClick={() => call('fireScene', s)}
    >
      <span class="play-icon" aria-hidden="true" />
      <span class="scene-name">{name || String(s + 1)}</span>
    </button>
  )
}

/** The session grid: tracks as columns, scenes as rows, each track's stop under it, scene launchers on the right. */
export function SessionView() {
  const shape = value<SetShape>(keys.shape)
  if (shape === undefined) return <p class="empty-note">Waiting for the set…</p>
  const tracks = range(shape.tracks)
  return (
    <div class="session-scroll">
      <div class="session-grid" style={{ '--tracks': String(shape.tracks) }}>
        {tracks.map((t) => (
          <TrackHeader key={`h${t}`} t={t} />
        ))}
        <div class="corner">Scenes</div>
        {range(shape.scenes).map((s) => [
          ...tracks.map((t) => <ClipSlot key={`${t}:${s}`} t={t} s={s} />),
          <SceneButton key={`s${s}`} s={s} />,
        ])}
        {tracks.map((t) => (
          <TrackStop key={`x${t}`} t={t} />
        ))}
        <button type="button" class="stop-all" data-stop-all="" onClick={() => call('stopAll')}>
          Stop all
        </button>
      </div>
    </div>
  )
}
