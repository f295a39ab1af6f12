import { NATIVE_DEVICES, type NativeDevice } from './catalogue.js'

const compact = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '')

const byKey = new Map<string, NativeDevice>()
for (const device of NATIVE_DEVICES) {
  for (const key of [device.name, device.className, ...(device.aliases ?? [])]) {
    const k = compact(key)
    if (!byKey.has(k)) byKey.set(k, device)
  }
}

/**
 * Finds a native device by its browser name, case- and spacing-insensitively ("eq eight",
 * "Chorus Ensemble"), or by its LOM class name ("Eq8", "InstrumentVector").
 *
 * @example
 * findNativeDevice('eq8')?.name // 'EQ Eight'
 */
export function findNativeDevice(name: string): NativeDevice | undefined {
  return byKey.get(compact(name))
}

/** Optimal string alignment distance (Levenshtein with adjacent transpositions). */
function distance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)])
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2]![j - 2]! + 1)
      rows[i]![j] = best
    }
  }
  return rows[a.length]![b.length]!
}

/**
 * The real device names nearest to a name that matched none: a prefix of a name (or a name that is a
 * prefix of it) first, then the smallest edit distance within a third of the length; at most `max`.
 *
 * @example
 * nearestNativeDeviceNames('Driftt') // ['Drift']
 */
export function nearestNativeDeviceNames(name: string, max = 3): string[] {
  const wanted = compact(name)
  if (wanted === '') return []
  const scored: { name: string; score: number }[] = []
  for (const device of NATIVE_DEVICES) {
    let best = Number.POSITIVE_INFINITY
    for (const key of [device.name, device.className, ...(device.aliases ?? [])]) {
      const k = compact(key)
      if (k.startsWith(wanted) || (wanted.startsWith(k) && k.length >= 3)) best = Math.min(best, 0.5)
      const d = distance(wanted, k)
      if (d <= Math.max(1, Math.floor(Math.max(wanted.length, k.length) / 3))) best = Math.min(best, d)
    }
    if (best < Number.POSITIVE_INFINITY) scored.push({ name: device.name, score: best })
  }
  return scored
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, max)
    .map((s) => s.name)
}

/**
 * The error for a name no native device has, with the nearest real names:
 * `no native device named 'Driftt'; did you mean Drift?`.
 *
 * @example
 * unknownNativeDeviceText('Compresor') // "no native device named 'Compresor'; did you mean Compressor?"
 */
export function unknownNativeDeviceText(name: string): string {
  const near = nearestNativeDeviceNames(name)
  const head = `no native device named '${name}'`
  if (near.length === 0)
    return `${head}; the names are Live's browser names, such as Drift, Operator, EQ Eight or Reverb`
  const list = near.length === 1 ? near[0]! : `${near.slice(0, -1).join(', ')} or ${near.at(-1)}`
  return `${head}; did you mean ${list}?`
}

const byClass = new Map(NATIVE_DEVICES.map((d) => [d.className, d]))

/** The native device whose LOM class name is exactly `className` (`Eq8` → EQ Eight). */
export function nativeDeviceByClassName(className: string): NativeDevice | undefined {
  return byClass.get(className)
}
