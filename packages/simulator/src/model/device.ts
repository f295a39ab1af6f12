import { LomError, type LomValue } from '@live/protocol'
import { nativeDeviceByClassName } from '../library/findNativeDevice.js'
import { DeviceParameter } from './deviceParameter.js'
import { chainHost, insertDevice } from './insertDevice.js'
import { type LiveContext, LomNode, type Prop, toBool, toInt, toStr } from './lomNode.js'
import type { ChainData, DeviceData } from './schema.js'

const displayNames: Record<string, string> = {
  InstrumentGroupDevice: 'Instrument Rack',
  DrumGroupDevice: 'Drum Rack',
  AudioEffectGroupDevice: 'Audio Effect Rack',
  MidiEffectGroupDevice: 'MIDI Effect Rack',
  InstrumentVector: 'Wavetable',
  Eq8: 'EQ Eight',
  AutoFilter: 'Auto Filter',
  OriginalSimpler: 'Simpler',
  MultiSampler: 'Sampler',
  StereoGain: 'Utility',
}

/** Anything that holds a device list: a track or a rack chain. */
export interface DeviceHost {
  path(): string
  readonly devices: Device[]
}

/** A `Device` (or, with chains, a `RackDevice`). */
export class Device extends LomNode {
  readonly className: string
  readonly name: { value: string }
  readonly parameters: DeviceParameter[]
  readonly chains: Chain[]

  constructor(
    ctx: LiveContext,
    readonly data: DeviceData,
    readonly host: DeviceHost,
  ) {
    super(ctx)
    this.className = data.chains ? 'RackDevice' : 'Device'
    this.name = { value: data.name }
    this.parameters = data.parameters.map((p, i) => new DeviceParameter(ctx, p, () => `${this.path()} parameters ${i}`))
    const onParam = this.parameters[0]
    if (onParam) onParam.onValue = () => this.emit('is_active')
    this.chains = (data.chains ?? []).map((c) => new Chain(ctx, c, this))
  }

  override path(): string {
    return `${this.host.path()} devices ${this.host.devices.indexOf(this)}`
  }

  protected override readonly props: Record<string, Prop> = {
    name: {
      get: () => this.name.value,
      set: (v) => {
        this.name.value = toStr(this.className, 'name', v)
        this.emit('name')
      },
    },
    class_name: { get: () => this.data.class_name, observable: false },
    class_display_name: {
      get: () =>
        displayNames[this.data.class_name] ??
        nativeDeviceByClassName(this.data.class_name)?.name ??
        this.data.class_name,
      observable: false,
    },
    type: { get: () => this.data.type, observable: false },
    can_have_chains: { get: () => this.data.chains !== undefined, observable: false },
    can_have_drum_pads: { get: () => this.data.can_have_drum_pads ?? false, observable: false },
    is_active: { get: () => (this.parameters[0]?.value ?? 1) !== 0 },
    has_macro_mappings: { get: () => false },
    visible_macro_count: {
      get: () => {
        if (!this.data.chains)
          throw new LomError('AttributeError', "'Device' object has no attribute 'visible_macro_count'")
        return Math.min(8, this.parameters.length - 1)
      },
    },
  }

  protected override readonly lists: Record<string, () => readonly LomNode[]> = {
    parameters: () => this.parameters,
    chains: () => {
      if (!this.data.chains) throw new LomError('AttributeError', "'Device' object has no attribute 'chains'")
      return this.chains
    },
  }

  /** Plain data for saving. */
  toJSON(): DeviceData {
    const out: DeviceData = {
      name: this.name.value,
      class_name: this.data.class_name,
      type: this.data.type,
      parameters: this.parameters.map((p) => p.toJSON()),
    }
    if (this.data.chains) out.chains = this.chains.map((c) => c.toJSON())
    if (this.data.can_have_drum_pads !== undefined) out.can_have_drum_pads = this.data.can_have_drum_pads
    return out
  }
}

/** A rack's `Chain`: a name, mute/solo and its own devices. */
export class Chain extends LomNode implements DeviceHost {
  override readonly className = 'Chain'
  readonly devices: Device[]
  private state: Omit<ChainData, 'devices'>

  constructor(
    ctx: LiveContext,
    data: ChainData,
    readonly rack: Device,
  ) {
    super(ctx)
    this.state = { name: data.name, color: data.color, mute: data.mute, solo: data.solo }
    this.devices = data.devices.map((d) => new Device(ctx, d, this))
  }

  override path(): string {
    return `${this.rack.path()} chains ${this.rack.chains.indexOf(this)}`
  }

  protected override readonly props: Record<string, Prop> = {
    name: { get: () => this.state.name, set: (v) => this.assign('name', toStr('Chain', 'name', v)) },
    color: { get: () => this.state.color, set: (v) => this.assign('color', toInt('Chain', 'color', v)) },
    mute: { get: () => this.state.mute, set: (v) => this.assign('mute', toBool('Chain', 'mute', v)) },
    solo: { get: () => this.state.solo, set: (v) => this.assign('solo', toBool('Chain', 'solo', v)) },
  }

  protected override readonly lists: Record<string, () => readonly LomNode[]> = {
    devices: () => this.devices,
  }

  protected override readonly fns: Record<string, (args: readonly LomValue[]) => LomValue> = {
    delete_device: (args) => {
      deleteDevice(this, toInt('Chain', 'delete_device', args[0] ?? null))
      return null
    },
    insert_device: (args) => insertDevice(this, chainHost(this), args),
  }

  private assign<K extends keyof Omit<ChainData, 'devices'>>(key: K, value: ChainData[K]): void {
    if (this.state[key] === value) return
    this.state[key] = value
    this.emit(key)
  }

  /** Plain data for saving. */
  toJSON(): ChainData {
    return { ...this.state, devices: this.devices.map((d) => d.toJSON()) }
  }
}

/** `delete_device(index)` on a track or chain, undoable. */
export function deleteDevice(host: DeviceHost & LomNode, index: number): void {
  const device = host.devices[index]
  if (!device) throw new LomError('IndexError', 'Index out of range')
  host.devices.splice(index, 1)
  device.kill()
  host.emit('devices')
  host.ctx.undo.push(
    'Delete Device',
    () => {
      host.devices.splice(index, 0, device)
      device.revive()
      host.emit('devices')
    },
    () => {
      host.devices.splice(index, 1)
      device.kill()
      host.emit('devices')
    },
  )
}
