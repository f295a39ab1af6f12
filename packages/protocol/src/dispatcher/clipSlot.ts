import type { LomPath, LomValue } from '../model/liveObjectModel.js'
import { type Arg, int } from './arg.js'
import { twoIds } from './clip.js'
import { type Ctx, child, clipSlotPath, type Handler, type Registry, trackPath } from './context.js'
import { CLIP_SLOT_R, CLIP_SLOT_RW } from './kinds.js'
import { propertyListeners } from './listeners.js'
import { readArg, setterValue } from './property.js'
import { tupleIndexError, unpackError } from './pyError.js'
import { rawIndex } from './track.js'

type SlotFn = (ctx: Ctx, slot: LomPath, params: readonly Arg[]) => readonly Arg[] | undefined

function slotCallback(fn: SlotFn, passIds = false): Handler {
  return (ctx, args) => {
    const [t, c] = twoIds(args)
    const rv = fn(ctx, clipSlotPath(ctx, t, c), passIds ? args : args.slice(2))
    return rv === undefined ? undefined : [int(t), int(c), ...rv]
  }
}

/** Registers `/live/clip_slot/...` in AbletonOSC's order. */
export function registerClipSlot(reg: Registry): void {
  const s = (address: string, fn: SlotFn, passIds = false) =>
    reg.set(`/live/clip_slot/${address}`, slotCallback(fn, passIds))
  for (const method of ['fire', 'stop', 'create_clip', 'delete_clip']) {
    s(method, (ctx, slot, params) => {
      ctx.model.call(
        slot,
        method,
        params.map((p) => p.value as LomValue),
      )
      return undefined
    })
  }
  for (const prop of [...CLIP_SLOT_R, ...CLIP_SLOT_RW]) {
    s(`get/${prop.name}`, (ctx, slot, params) => [readArg(ctx, slot, prop), ...params])
    const listen = propertyListeners('clip_slot', 'clip_slot', prop)
    s(`start_listen/${prop.name}`, listen.start, true)
    s(`stop_listen/${prop.name}`, listen.stop, true)
  }
  for (const prop of CLIP_SLOT_RW) {
    s(`set/${prop.name}`, (ctx, slot, params) => {
      const value = params[0]
      if (value === undefined) throw tupleIndexError()
      ctx.model.set(slot, prop.name, setterValue('ClipSlot', prop.kind, value))
      return undefined
    })
  }
  s('duplicate_clip_to', (ctx, slot, params) => {
    if (params.length !== 2) throw unpackError(2, params.length)
    const target = child(ctx, trackPath(ctx, rawIndex(params[0])), 'clip_slots', rawIndex(params[1]))
    ctx.model.call(slot, 'duplicate_clip_to', [{ path: target }])
    return undefined
  })
}
