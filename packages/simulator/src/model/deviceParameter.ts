import { LomError, type LomValue } from '@live/protocol'
import { type LiveContext, LomNode, type Prop, toFloat } from './lomNode.js'
import type { ParameterData } from './schema.js'
import { parameterString } from './valueStrings.js'

/** Live's text when a parameter is set outside min..max (seen through AbletonOSC, issue #184). */
export const INVALID_PARAMETER_VALUE = 'Invalid value. Check the parameters range with min/max'

/** A `DeviceParameter`: a device's control or a mixer control (volume, panning, sends). */
export class DeviceParameter extends LomNode {
  override readonly className = 'DeviceParameter'
  data: ParameterData
  /** Called after the value changes (device on/off, meters). */
  onValue: () => void = () => {}

  constructor(
    ctx: LiveContext,
    data: ParameterData,
    private readonly where: () => string,
  ) {
    super(ctx)
    this.data = { ...data, value_items: [...data.value_items] }
  }

  override path(): string {
    return this.where()
  }

  /** The current value. */
  get value(): number {
    return this.data.value
  }

  /** Sets the value after Live's range check, notifying observers. */
  setValue(value: number): void {
    const { min, max } = this.data
    if (!(value >= min - 1e-9 && value <= max + 1e-9)) throw new LomError('RuntimeError', INVALID_PARAMETER_VALUE)
    const next = this.data.is_quantized ? Math.round(value) : Math.min(max, Math.max(min, value))
    if (next === this.data.value) return
    this.data.value = next
    this.emit('value')
    this.emit('display_value')
    this.onValue()
  }

  protected override readonly props: Record<string, Prop> = {
    name: { get: () => this.data.name },
    original_name: { get: () => this.data.name, observable: false },
    value: {
      get: () => this.data.value,
      set: (v) => this.setValue(toFloat('DeviceParameter', 'value', v)),
    },
    display_value: {
      get: () => this.data.value,
      set: (v) => this.setValue(toFloat('DeviceParameter', 'display_value', v)),
    },
    min: { get: () => this.data.min, observable: false },
    max: { get: () => this.data.max, observable: false },
    default_value: {
      get: () => {
        if (this.data.is_quantized) throw new LomError('RuntimeError', 'Quantized parameters have no default value') // [guess]
        return this.data.default_value ?? this.data.min
      },
      observable: false,
    },
    is_quantized: { get: () => this.data.is_quantized, observable: false },
    value_items: { get: () => [...this.data.value_items], observable: false },
    is_enabled: { get: () => true, observable: false },
    state: { get: () => 0 },
    automation_state: { get: () => 0 },
    short_value_items: { get: () => [...this.data.value_items], observable: false },
  }

  protected override readonly fns: Record<string, (args: readonly LomValue[]) => LomValue> = {
    __str__: () => parameterString(this.data, this.data.value),
    str_for_value: (args) => parameterString(this.data, toFloat('DeviceParameter', 'str_for_value', args[0] ?? null)),
    re_enable_automation: () => null,
  }

  /** Plain data for saving. */
  toJSON(): ParameterData {
    return { ...this.data, value_items: [...this.data.value_items] }
  }
}

/** A quantised on/off parameter such as "Device On". */
export function onOffParameter(name: string, on: boolean): ParameterData {
  return { name, value: on ? 1 : 0, min: 0, max: 1, is_quantized: true, value_items: ['Off', 'On'], unit: 'plain' }
}
