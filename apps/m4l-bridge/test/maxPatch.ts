import type { LiveObjectModel, LomPath } from '@live/protocol'
import type { Patcher, PatcherBox } from '../src/device/livePatcher.js'
import type { MaxAtom } from '../src/maxGlobals.js'

/** A Max message: atoms, the first one the selector when it is a symbol (`['bang']`, `[3]`, `['open', 'wave', p]`). */
export type Message = MaxAtom[]

/**
 * Max's symbol table, counted: every symbol that crosses a cord, an inlet or the LiveAPI is interned for the life
 * of the process ("Max maintains a symbol table of all strings",
 * https://sdk.cdn.cycling74.com/max-sdk-7.1.0/group__symbol.html). Numbers are not symbols.
 */
export function createSymbolTable() {
  const symbols = new Set<string>()
  return {
    intern(atoms: readonly unknown[]) {
      for (const atom of atoms) if (typeof atom === 'string') symbols.add(atom)
    },
    get size() {
      return symbols.size
    },
  }
}
export type SymbolTable = ReturnType<typeof createSymbolTable>

/** One running box of the stand-in patch: it takes a message on an inlet; `emit` sends out of an outlet. */
interface Running {
  receive(inlet: number, message: Message): void
}

/** The objects of the device patch whose behaviour the stand-in implements, each per its reference page. */
export interface PatchParts {
  /** The `v8` object: messages in by name (Max calls the script's function of that name). */
  v8: (message: Message) => void
  /** `node.script`'s inlet (Node for Max). */
  node: (message: Message) => void
  /** What sfrecord~ was told, in order. */
  sfrecord: Message[]
  /** The Live parameter `live.remote~` slot n holds, by box id. */
  remotes: Map<string, LomPath | undefined>
}

/** Options of {@link runPatch}. */
export interface PatchOptions {
  model: LiveObjectModel
  /** LOM id → path, for live.remote~'s `id n`. */
  pathOfId: (id: number) => LomPath | undefined
  symbols: SymbolTable
  /** The device's `v8` object (its script). */
  v8: (message: Message) => void
  /** The `node.script` object. */
  node: (message: Message) => void
  /**
   * Whether a timepoint bangs at the position the transport starts from. The reference only says the clock "has to
   * be moving forward" (https://docs.cycling74.com/reference/timepoint/), so the stand-in assumes it does not.
   * @default false
   */
  timepointAtStart?: boolean | undefined
}

/**
 * Runs the device's patcher JSON as Max would, for the boxes it uses: messages follow the cords depth first,
 * right-to-left where Max says so (`t`), with `route`, `prepend`, `int`, `gate`, message boxes, `timepoint`,
 * `live.numbox` (a Float parameter, its value out on bang), `textedit` (`text <words…>` out,
 * https://docs.cycling74.com/reference/textedit/), `sfrecord~` (`open [type] filename`,
 * https://docs.cycling74.com/max5/refpages/msp-ref/sfrecord~.html) and `live.remote~` (holding a parameter leaves
 * "the value in the Live set … not changed": releasing with `id 0` gives back the stored value,
 * https://docs.cycling74.com/reference/live.remote~). Every message counts its symbols.
 */
export function runPatch(patcher: Patcher, options: PatchOptions) {
  const boxes = new Map(patcher.patcher.boxes.map(({ box }) => [box.id, box]))
  const running = new Map<string, Running>()
  const sfrecord: Message[] = []
  const remotes = new Map<string, LomPath | undefined>()
  const timepoints = new Map<string, { bar: number }>()
  const numboxes = new Map<string, number>()
  const texts = new Map<string, string>()

  const emit = (from: string, outlet: number, message: Message) => {
    options.symbols.intern(message)
    for (const { patchline } of patcher.patcher.lines) {
      if (patchline.source[0] !== from || patchline.source[1] !== outlet) continue
      running.get(patchline.destination[0])?.receive(patchline.destination[1], [...message])
    }
  }

  for (const box of boxes.values()) running.set(box.id, make(box))

  function make(box: PatcherBox): Running {
    const words = (box.text ?? '').split(' ')
    const cls = box.maxclass === 'newobj' ? words[0]! : box.maxclass
    const args = words.slice(1)
    const out = (outlet: number, message: Message) => emit(box.id, outlet, message)
    switch (cls) {
      case 'v8':
        return { receive: (_inlet, m) => options.v8(m) }
      case 'node.script':
        return { receive: (_inlet, m) => options.node(m) }
      case 'live.thisdevice':
        return { receive: () => out(0, ['bang']) }
      case 'message':
        return {
          receive(_inlet, m) {
            if (m[0] === 'set') texts.set(box.id, m.slice(1).map(String).join(' '))
            else
              out(
                0,
                (box.text ?? '').split(' ').map((w) => (/^-?\d+$/.test(w) ? Number(w) : w)),
              )
          },
        }
      case 'route':
        return {
          receive(_inlet, m) {
            const k = args.indexOf(String(m[0]))
            if (k === -1) return out(args.length, m)
            const rest = m.slice(1)
            out(k, rest.length === 0 ? ['bang'] : rest)
          },
        }
      case 'prepend':
        return { receive: (_inlet, m) => out(0, [...args, ...m]) }
      case 'int': {
        let stored = 0
        return {
          receive(_inlet, m) {
            if (typeof m[0] === 'number') stored = Math.trunc(m[0])
            out(0, [stored])
          },
        }
      }
      case 't':
        return {
          receive() {
            for (let i = args.length - 1; i >= 0; i--) out(i, ['bang'])
          },
        }
      case 'gate': {
        let open = 0
        return {
          receive(inlet, m) {
            if (inlet === 0) open = Number(m[0])
            else if (open !== 0) out(0, m)
          },
        }
      }
      case 'timepoint':
        return { receive: (_inlet, m) => void timepoints.set(box.id, { bar: Number(m[0]) }) }
      case 'live.numbox': {
        const valueof = (box.saved_attribute_attributes as { valueof: { parameter_initial: number[] } }).valueof
        numboxes.set(box.id, Number(valueof.parameter_initial[0]))
        return {
          receive(_inlet, m) {
            if (typeof m[0] === 'number') numboxes.set(box.id, m[0])
            out(0, [numboxes.get(box.id)!])
          },
        }
      }
      case 'textedit':
        return { receive: () => out(0, ['text', ...(texts.get(box.id) ?? '').split(' ').filter((w) => w !== '')]) }
      case 'sfrecord~':
        return { receive: (inlet, m) => void (inlet === 0 && sfrecord.push(m)) }
      case 'live.remote~':
        return {
          receive(inlet, m) {
            const held = remotes.get(box.id)
            if (inlet === 1 && m[0] === 'id') {
              if (held !== undefined) release(held)
              const path = Number(m[1]) === 0 ? undefined : options.pathOfId(Number(m[1]))
              if (path !== undefined) stored.set(path, options.model.get(path, 'value') as number)
              remotes.set(box.id, path)
            } else if (inlet === 0 && held !== undefined && typeof m[0] === 'number') {
              options.model.setWithoutUndo?.(held, 'value', m[0])
            }
          },
        }
      default:
        return { receive() {} }
    }
  }
  const stored = new Map<LomPath, number>()
  const release = (path: LomPath) => {
    const value = stored.get(path)
    stored.delete(path)
    if (value !== undefined) options.model.setWithoutUndo?.(path, 'value', value)
  }
  const idOf = (cls: string, text?: string) =>
    [...boxes.values()].find(
      (b) =>
        (b.maxclass === 'newobj' ? (b.text ?? '').split(' ')[0] : b.maxclass) === cls &&
        (text === undefined || b.text === text),
    )?.id

  return {
    sfrecord,
    remotes,
    /** live.thisdevice's bang: the device has loaded. */
    loaded: () => emit(idOf('live.thisdevice')!, 0, ['bang']),
    /** A message out of the v8's outlet n. */
    fromV8: (outlet: number, message: Message) => emit(idOf('v8')!, outlet, message),
    /** A message out of node.script's left outlet. */
    fromNode: (message: Message) => emit(idOf('node.script')!, 0, message),
    /** The user types into the export folder's textedit and presses return. */
    typeFolder(text: string) {
      const id = idOf('textedit')!
      texts.set(id, text)
      running.get(id)!.receive(0, ['bang'])
    },
    /** The Port box's value (as Live restores or the user sets it: the box outputs it). */
    setPort(value: number) {
      running.get(idOf('live.numbox')!)!.receive(0, [value])
    },
    /** The value shown in the status message box. */
    status: () => texts.get(idOf('message', '')!) ?? '',
    /** The transport reaches `bar` moving forward (or starts on it): armed timepoints at that bar bang. */
    transportAt(bar: number, { starting = false } = {}) {
      if (starting && options.timepointAtStart !== true) return
      for (const [id, tp] of timepoints) if (tp.bar === bar) emit(id, 0, ['bang'])
    },
  }
}
