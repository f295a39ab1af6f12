import { type CatalogueEntry, type CatalogueParam, rangeOf } from '@live/protocol'

type Check = (value: unknown) => boolean

/** A list check without zod for the common layouts (fixed params, then at most one repeated param). */
type ListCheck = (list: readonly unknown[]) => boolean

function valueCheck(param: CatalogueParam, address: string | undefined): Check {
  const range = address === undefined ? undefined : rangeOf(address, param.name)
  const nullable = param.nullable === true
  const wildcard = address === undefined ? undefined : param.wildcard
  let base: Check
  if (param.type === 'int') base = (v) => typeof v === 'number' && Number.isInteger(v)
  else if (param.type === 'float') base = (v) => typeof v === 'number' && Number.isFinite(v)
  else if (param.type === 'bool') base = (v) => typeof v === 'boolean'
  else if (param.type === 'string') base = (v) => typeof v === 'string'
  else
    base = (v) =>
      v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))
  const ranged: Check =
    range === undefined ? base : (v) => base(v) && (v as number) >= range.min && (v as number) <= range.max
  if (!nullable && wildcard === undefined) return ranged
  return (v) => (nullable && v === null) || (wildcard !== undefined && v === wildcard) || ranged(v)
}

function listCheck(params: readonly CatalogueParam[], address: string | undefined): ListCheck | null {
  const head: Check[] = []
  let rest: Check | undefined
  for (let i = 0; i < params.length; i++) {
    const param = params[i]!
    if (param.optional === true) return null
    if (param.variadic === true) {
      if (i !== params.length - 1) return null
      rest = valueCheck(param, address)
    } else head.push(valueCheck(param, address))
  }
  const n = head.length
  if (rest === undefined) {
    return (list) => {
      if (list.length !== n) return false
      for (let i = 0; i < n; i++) if (!head[i]!(list[i])) return false
      return true
    }
  }
  const more = rest
  return (list) => {
    if (list.length < n) return false
    for (let i = 0; i < n; i++) if (!head[i]!(list[i])) return false
    for (let i = n; i < list.length; i++) if (!more(list[i])) return false
    return true
  }
}

const argChecks = new WeakMap<CatalogueEntry, ListCheck | null>()
const replyChecks = new WeakMap<CatalogueEntry, ListCheck | null>()

/** True when `args` certainly pass `validateArgs` for `entry` (false means: ask zod). */
export function argsPass(entry: CatalogueEntry, args: readonly unknown[]): boolean {
  let check = argChecks.get(entry)
  if (check === undefined) {
    check = listCheck(entry.params, entry.address)
    argChecks.set(entry, check)
  }
  return check?.(args) === true
}

/** True when `reply` certainly passes `decodeReply` for `entry` (false means: ask zod). */
export function replyPasses(entry: CatalogueEntry, reply: readonly unknown[]): boolean {
  let check = replyChecks.get(entry)
  if (check === undefined) {
    check = entry.reply === null || entry.reply === undefined ? null : listCheck(entry.reply, undefined)
    replyChecks.set(entry, check)
  }
  return check?.(reply) === true
}
