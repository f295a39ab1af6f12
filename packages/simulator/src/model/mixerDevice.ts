import { DeviceParameter } from './deviceParameter.js'
import { type LiveContext, LomNode, type Prop, toInt } from './lomNode.js'
import type { ParameterData } from './schema.js'

/** The parameters a mixer starts with. */
export interface MixerInit {
  volume: number
  panning: number
  sends: readonly number[]
  isMaster: boolean
  tempo?: (() => number) | undefined
}

/** Volume as Live's fader parameter: 0..1, 0.85 = 0 dB. */
export function volumeParameter(name: string, value: number): ParameterData {
  return { name, value, min: 0, max: 1, default_value: 0.85, is_quantized: false, value_items: [], unit: 'volume' }
}

/** A send level: 0..1, 1 = 0 dB. */
export function sendParameter(index: number, value: number): ParameterData {
  const letter = String.fromCharCode(65 + (index % 26))
  return {
    name: `${letter}-Send`,
    value,
    min: 0,
    max: 1,
    default_value: 0,
    is_quantized: false,
    value_items: [],
    unit: 'send',
  }
}

/** A track's `MixerDevice`: volume, panning and sends as DeviceParameters (plus crossfader and cue on the master). */
export class MixerDevice extends LomNode {
  override readonly className = 'MixerDevice'
  readonly volume: DeviceParameter
  readonly panning: DeviceParameter
  readonly trackActivator: DeviceParameter
  readonly sends: DeviceParameter[]
  readonly crossfader: DeviceParameter | null
  readonly cueVolume: DeviceParameter | null
  private crossfadeAssign = 1

  constructor(
    ctx: LiveContext,
    private readonly owner: { path(): string },
    init: MixerInit,
  ) {
    super(ctx)
    const at = (name: string) => () => `${this.path()} ${name}`
    this.volume = new DeviceParameter(
      ctx,
      volumeParameter(init.isMaster ? 'Master' : 'Track Volume', init.volume),
      at('volume'),
    )
    this.panning = new DeviceParameter(
      ctx,
      {
        name: 'Track Panning',
        value: init.panning,
        min: -1,
        max: 1,
        default_value: 0,
        is_quantized: false,
        value_items: [],
        unit: 'pan',
      },
      at('panning'),
    )
    this.trackActivator = new DeviceParameter(
      ctx,
      { name: 'Speaker On', value: 1, min: 0, max: 1, is_quantized: true, value_items: ['Off', 'On'], unit: 'plain' },
      at('track_activator'),
    )
    this.sends = init.sends.map((v, i) => this.makeSend(i, v))
    this.crossfader = init.isMaster
      ? new DeviceParameter(
          ctx,
          {
            name: 'Crossfade',
            value: 0,
            min: -1,
            max: 1,
            default_value: 0,
            is_quantized: false,
            value_items: [],
            unit: 'pan',
          },
          at('crossfader'),
        )
      : null
    this.cueVolume = init.isMaster
      ? new DeviceParameter(ctx, volumeParameter('Cue Volume', 0.85), at('cue_volume'))
      : null
  }

  override path(): string {
    return `${this.owner.path()} mixer_device`
  }

  /** A new send parameter at `index` (created when a return track is added). */
  makeSend(index: number, value: number): DeviceParameter {
    const send: DeviceParameter = new DeviceParameter(
      this.ctx,
      sendParameter(index, value),
      () => `${this.path()} sends ${this.sends.indexOf(send)}`,
    )
    return send
  }

  protected override readonly props: Record<string, Prop> = {
    crossfade_assign: {
      get: () => this.crossfadeAssign,
      set: (v) => {
        this.crossfadeAssign = toInt('MixerDevice', 'crossfade_assign', v)
        this.emit('crossfade_assign')
      },
    },
    panning_mode: { get: () => 0 },
  }

  protected override readonly lists: Record<string, () => readonly LomNode[]> = {
    sends: () => this.sends,
  }

  protected override readonly singles: Record<string, () => LomNode | null> = {
    volume: () => this.volume,
    panning: () => this.panning,
    track_activator: () => this.trackActivator,
    crossfader: () => this.crossfader,
    cue_volume: () => this.cueVolume,
  }
}
