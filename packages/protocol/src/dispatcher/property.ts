import type { LomPath, LomValue } from '../model/liveObjectModel.js'
import { type Arg, isPyFloat, isPyInt, isPyStr, lomArg, messageOf, pyTypeName, type ValueKind } from './arg.js'
import { type Ctx, readOrNone } from './context.js'
import { setterSignatureError } from './pyError.js'

/** One LOM property as AbletonOSC exposes it: name, how its value travels, and whether Live can observe it. */
export interface PropSpec {
  readonly name: string
  readonly kind: ValueKind
  readonly observable: boolean
}

/**
 * Parses a compact property list: `name:kind`, with a trailing `!` for properties Live cannot observe
 * (start_listen raises AttributeError), e.g. `'can_redo:b! tempo:f'`.
 */
export function props(list: string): PropSpec[] {
  return list
    .split(/\s+/)
    .filter((s) => s !== '')
    .map((item) => {
      const observable = !item.endsWith('!')
      const [name = '', kind = 'a'] = item.replace('!', '').split(':')
      return { name, kind: kind as ValueKind, observable }
    })
}

const expectedCpp: Record<ValueKind, string> = { i: 'int', f: 'double', b: 'bool', s: 'TString', a: 'object' }

/** Checks a setter's value the way Live's C++ does: ints for float/bool props are fine, floats for int props are not. */
export function setterValue(className: string, kind: ValueKind, arg: Arg): LomValue {
  const ok =
    kind === 'a' ||
    (kind === 'i' && isPyInt(arg)) ||
    (kind === 'f' && (isPyInt(arg) || isPyFloat(arg))) ||
    (kind === 'b' && (isPyInt(arg) || isPyFloat(arg))) ||
    (kind === 's' && isPyStr(arg))
  if (!ok) throw setterSignatureError(className, pyTypeName(arg), expectedCpp[kind])
  const v = arg.value
  if (typeof v === 'bigint') return Number(v)
  return v as LomValue
}

/** A getter's value as a typed argument (None when the property does not apply). */
export function readArg(ctx: Ctx, path: LomPath, prop: PropSpec): Arg {
  return lomArg(readOrNone(ctx, path, prop.name), prop.kind)
}

/** Sends `/live/<object>/get/<prop>` with the given leading arguments to where this request's unsolicited output goes. */
export function emitter(ctx: Ctx, address: string, lead: readonly Arg[], kind: ValueKind, trail: readonly Arg[] = []) {
  const to = ctx.target
  return (value: LomValue) => ctx.send(messageOf(address, [...lead, lomArg(value, kind), ...trail]), to)
}
