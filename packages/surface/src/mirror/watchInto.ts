import type { Unwatch, Watchable } from '@live/client'
import type { StateValue } from '../shared/keys.js'
import type { Stage } from './createStage.js'

/**
 * Watches one property with the client's shared watchers and writes each value to a key of the stage;
 * the stage waits for the first value (or the refusal: a property Live cannot watch on this object is
 * left out, not waited for).
 *
 * @example
 * const unwatch = watchInto(stage, keys.song('tempo'), live.song.tempo)
 */
export function watchInto<V>(
  stage: Stage,
  key: string,
  handle: Watchable<V>,
  map: (value: V) => StateValue = (value) => value as StateValue,
  onValue?: ((value: V) => void) | undefined,
): Unwatch {
  const arrived = stage.expect()
  try {
    return handle.watch({
      onValue(value) {
        stage.put(key, map(value))
        arrived()
        onValue?.(value)
      },
      onError: () => arrived(),
    })
  } catch {
    // Refused before sending (an index the catalogue rejects): nothing to wait for.
    arrived()
    return () => {}
  }
}
