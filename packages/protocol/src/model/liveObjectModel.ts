/**
 * The seam of the design (shared/ARCHITECTURE.md): the server side of the protocol runs on this
 * small interface, shaped like Max for Live's `LiveAPI`. The simulator implements it in memory;
 * the Max for Live bridge implements it over Max's real `LiveAPI`.
 *
 * Paths and names are Live's own Live Object Model (LOM) ones, as Max's LiveAPI spells them:
 *   `live_set`, `live_set tracks 0`, `live_set return_tracks 1`, `live_set master_track`,
 *   `live_set tracks 0 mixer_device volume`, `live_set tracks 0 mixer_device sends 1`,
 *   `live_set tracks 0 clip_slots 2`, `live_set tracks 0 clip_slots 2 clip`,
 *   `live_set tracks 0 devices 1`, `live_set tracks 0 devices 1 parameters 3`,
 *   `live_set tracks 0 devices 0 chains 1 devices 0` (nested racks), `live_set scenes 3`,
 *   `live_set cue_points 0`, `live_set view`, `live_app`.
 * Properties, children and functions use the LOM names (`tempo`, `is_playing`, `fire`,
 * `get_notes_extended`...). Python-only AbletonOSC helpers are the dispatcher's business.
 *
 * Notes travel as Max's LiveAPI hands them over: `get_notes_extended` returns a JSON string
 * `{"notes":[{"note_id","pitch","start_time","duration","velocity","mute",...}]}` and
 * `add_new_notes` takes the same JSON string; a `DeviceParameter`'s display text comes from
 * calling `__str__` (current value) or `str_for_value` (any value).
 */

/** A path in the Live Object Model, space-separated as Max's LiveAPI writes it. */
export type LomPath = string

/** A value as the LOM hands it over: what becomes an OSC argument. */
export type LomValue = number | string | boolean | null | readonly LomValue[] | LomObjectRef

/** A property whose value is another LOM object (e.g. `group_track`, `playing_slot` objects). */
export interface LomObjectRef {
  readonly path: LomPath
}

/**
 * How a LOM failure maps onto what AbletonOSC's Python would raise. The dispatcher needs the kind:
 * a wildcard swallows `ValueError` and `AttributeError` and aborts on the rest, and a getter answers
 * nil for a `RuntimeError` ("property does not apply").
 */
export type LomErrorKind =
  | 'RuntimeError'
  | 'IndexError'
  | 'AttributeError'
  | 'ValueError'
  | 'TypeError'
  | 'AssertionError'

/** A failure inside the object model, with Live's (or Python's) own text, e.g. `Index out of range`. */
export class LomError extends Error {
  override name = 'LomError'
  /** The Python exception class AbletonOSC would have seen. */
  readonly kind: LomErrorKind
  constructor(kind: LomErrorKind, text: string) {
    super(text)
    this.kind = kind
  }
}

/** Called with the new value whenever an observed property changes. */
export type LomObserver = (value: LomValue) => void

/** The LiveAPI-shaped object model the protocol dispatcher runs on. */
export interface LiveObjectModel {
  /** True when the path names an object that exists now (an empty slot's `clip` does not). */
  exists(path: LomPath): boolean
  /** The LOM class name at the path: `Song`, `Track`, `Clip`, `ClipSlot`, `Device`, `RackDevice`, `DeviceParameter`, ... */
  type(path: LomPath): string
  /** How many children a list property holds (`tracks`, `clip_slots`, `devices`, `parameters`...). */
  getCount(path: LomPath, child: string): number
  /** Reads a property. Throws {@link LomError} as Live would. */
  get(path: LomPath, property: string): LomValue
  /** Writes a property. Throws {@link LomError} as Live would (range, type, read-only). */
  set(path: LomPath, property: string, value: LomValue): void
  /**
   * Writes a property without an undo step, as a Max `live.remote~` does; models that cannot leave it
   * out and `set` is used instead.
   */
  setWithoutUndo?(path: LomPath, property: string, value: LomValue): void
  /** Calls a LOM function. Throws {@link LomError} as Live would. */
  call(path: LomPath, method: string, args: readonly LomValue[]): LomValue
  /**
   * Observes a property of the object at the path now; the observer follows that object, not the
   * index, as Live's listeners do. Throws `AttributeError` for properties Live cannot observe.
   * Returns the function that stops observing.
   */
  observe(path: LomPath, property: string, observer: LomObserver): () => void
}
