import { keys, type SetShape } from '../../shared/keys.js'
import { cssColor, dbText, inkOn, panText, sendLetter } from '../format.js'
import { setKey } from '../link.js'
import { flag, num, text, value } from '../store.js'
import { Meter } from './Meter.js'
import { Slider } from './Slider.js'

/** Live's 0 dB on the fader. */
const UNITY = 0.85

type StripKind = 'track' | 'return' | 'master'

function Toggle(props: { label: string; short: string; on: boolean; kind: string; onPress: () => void }) {
  return (
    <button
      type="button"
      class={`toggle ${props.kind}${props.on ? ' on' : ''}`}
      aria-pressed={props.on}
      aria-label={props.label}
      onClick={props.onPress}
    >
      {props.short}
    </button>
  )
}

function Strip({ kind, index, sends }: { kind: StripKind; index: number; sends: number }) {
  const key = (p: 'name' | 'color' | 'volume' | 'panning' | 'mute' | 'solo' | 'arm' | 'meter' | 'canArm') =>
    kind === 'track'
      ? keys.track(index, p)
      : kind === 'return'
        ? keys.returnTrack(index, p as never)
        : keys.master(p as never)
  const fallback = kind === 'master' ? 'Main' : kind === 'return' ? sendLetter(index) : String(index + 1)
  const name = text(key('name'), fallback)
  const color = value<number>(key('color'))
  const volume = num(key('volume'), UNITY)
  const mute = flag(key('mute'))
  return (
    <section class={`strip ${kind}`} data-strip={kind === 'master' ? 'master' : `${kind}:${index}`}>
      <h3 class="strip-name" style={{ background: cssColor(color), color: inkOn(color) }}>
        {name}
      </h3>
      {kind === 'track' && sends > 0 && (
        <div class="sends">
          {Array.from({ length: sends }, (_, s) => (
            <div key={s} class="send-row">
              <span class="send-letter" aria-hidden="true">
                {sendLetter(s)}
              </span>
              <Slider
                class="send"
                label={`${name} send ${sendLetter(s)}`}
                value={num(keys.send(index, s))}
                min={0}
                max={1}
                resetTo={0}
                valueText={(v) => `${sendLetter(s)} ${dbText(v)}`}
                onInput={(v) => setKey(keys.send(index, s), v)}
              />
            </div>
          ))}
        </div>
      )}
      <Slider
        class="pan"
        label={`${name} pan`}
        value={num(key('panning'))}
        min={-1}
        max={1}
        resetTo={0}
        valueText={panText}
        onInput={(v) => setKey(key('panning'), v)}
      />
      <div class="fader-row">
        <Meter keyName={key('meter')} />
        <Slider
          vertical
          class="fader"
          label={`${name} volume`}
          value={volume}
          min={0}
          max={1}
          resetTo={UNITY}
          valueText={dbText}
          onInput={(v) => setKey(key('volume'), v)}
        />
      </div>
      <output class="db">{dbText(volume)}</output>
      {kind !== 'master' && (
        <div class="toggles">
          <Toggle
            kind="mute"
            short={kind === 'track' ? String(index + 1) : sendLetter(index)}
            label={`${name} on (unmuted)`}
            on={!mute}
            onPress={() => setKey(key('mute'), !mute)}
          />
          <Toggle
            kind="solo"
            short="S"
            label={`${name} solo`}
            on={flag(key('solo'))}
            onPress={() => setKey(key('solo'), !flag(key('solo')))}
          />
          {kind === 'track' && value(key('canArm')) !== false && (
            <Toggle
              kind="arm"
              short="●"
              label={`${name} arm`}
              on={flag(key('arm'))}
              onPress={() => setKey(key('arm'), !flag(key('arm')))}
            />
          )}
        </div>
      )}
    </section>
  )
}

/** The mixer: a strip per track, then the return tracks and the master when the server has them (the bridge). */
export function MixerView() {
  const shape = value<SetShape>(keys.shape)
  if (shape === undefined) return <p class="empty-note">Waiting for the set…</p>
  return (
    <div class="mixer">
      {Array.from({ length: shape.tracks }, (_, t) => (
        <Strip key={`t${t}`} kind="track" index={t} sends={shape.sends} />
      ))}
      {Array.from({ length: shape.returns }, (_, r) => (
        <Strip key={`r${r}`} kind="return" index={r} sends={0} />
      ))}
      {shape.master && <Strip kind="master" index={0} sends={0} />}
      {!shape.master && (
        <p class="mixer-note">Return and master strips need the Max for Live bridge (AbletonOSC cannot reach them).</p>
      )}
    </div>
  )
}
