import { keys, type ParameterInfo, type SetShape } from '../../shared/keys.js'
import { cssColor, inkOn } from '../format.js'
import { setKey } from '../link.js'
import { num, text, value } from '../store.js'
import { Slider } from './Slider.js'

function Parameter({ d, p, info }: { d: number; p: number; info: ParameterInfo }) {
  const current = num(keys.parameter(d, p, 'value'), info.min)
  const shown = text(keys.parameter(d, p, 'text'), info.quantized ? String(current) : current.toFixed(2))
  return (
    <div class="param" data-param={`${d}:${p}`}>
      <span class="param-name">{info.name}</span>
      <Slider
        class="param-slider"
        label={`${text(keys.device(d, 'name'))} ${info.name}`}
        value={current}
        min={info.min}
        max={info.max}
        step={info.quantized ? 1 : undefined}
        valueText={() => shown}
        onInput={(v) => setKey(keys.parameter(d, p, 'value'), v)}
      />
      <output class="param-value">{shown}</output>
    </div>
  )
}

function Device({ d }: { d: number }) {
  const params = value<readonly ParameterInfo[]>(keys.device(d, 'params')) ?? []
  return (
    <section class="device" data-device={d}>
      <h3>
        {text(keys.device(d, 'name'), `Device ${d + 1}`)} <small>{text(keys.device(d, 'class'))}</small>
      </h3>
      <div class="params">
        {params.map((info, p) => (
          <Parameter key={p} d={d} p={p} info={info} />
        ))}
      </div>
    </section>
  )
}

/** The device chain of Live's selected track, with every parameter by name and Live's text for its value. */
export function DevicesView() {
  const shape = value<SetShape>(keys.shape)
  const selected = num(keys.selectedTrack, -1)
  const devices = value<{ track: number; count: number }>(keys.devices)
  const tracks = shape?.tracks ?? 0
  return (
    <div class="devices">
      <nav class="track-picker" aria-label="select a track">
        {Array.from({ length: tracks }, (_, t) => {
          const color = value<number>(keys.track(t, 'color'))
          return (
            <button
              key={t}
              type="button"
              class={t === selected ? 'selected' : ''}
              aria-pressed={t === selected}
              style={{ background: cssColor(color), color: inkOn(color) }}
              onClick={() => setKey(keys.selectedTrack, t)}
            >
              {text(keys.track(t, 'name'), String(t + 1))}
            </button>
          )
        })}
      </nav>
      {devices === undefined || devices.track !== selected ? (
        <p class="empty-note">Reading the devices…</p>
      ) : devices.count === 0 ? (
        <p class="empty-note">No devices on {text(keys.track(selected, 'name'), 'this track')}.</p>
      ) : (
        Array.from({ length: devices.count }, (_, d) => <Device key={`${selected}:${d}`} d={d} />)
      )}
    </div>
  )
}
