/** A pair of positions matched across two lists: an index in the first, the second, or both. */
export type Aligned = readonly [first: number | undefined, second: number | undefined]

/**
 * Pairs the objects of two lists (tracks, scenes) so that a deletion or an insertion does not shift every
 * later comparison. Same length: by position (a rename is a change, not a deletion and an addition).
 * Otherwise the longest common subsequence of names anchors the pairs, and between two anchors the rest
 * pair up by position; what is left over is only in one list.
 *
 * @example
 * alignByName([{ name: 'Drums' }, { name: 'Bass' }, { name: 'Keys' }], [{ name: 'Drums' }, { name: 'Keys' }])
 * // [[0, 0], [1, undefined], [2, 1]]
 */
export function alignByName(first: readonly { name: string }[], second: readonly { name: string }[]): Aligned[] {
  const n = first.length
  const m = second.length
  if (n === m) return first.map((_, i) => [i, i] as const)
  // lcs[i][j]: the longest common subsequence of first[i..] and second[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] =
        first[i]!.name === second[j]!.name ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!)
    }
  }
  const pairs: Aligned[] = []
  let gapFirst: number[] = []
  let gapSecond: number[] = []
  const closeGap = () => {
    const shared = Math.min(gapFirst.length, gapSecond.length)
    for (let k = 0; k < shared; k++) pairs.push([gapFirst[k], gapSecond[k]])
    for (let k = shared; k < gapFirst.length; k++) pairs.push([gapFirst[k], undefined])
    for (let k = shared; k < gapSecond.length; k++) pairs.push([undefined, gapSecond[k]])
    gapFirst = []
    gapSecond = []
  }
  let i = 0
  let j = 0
  while (i < n || j < m) {
    if (i < n && j < m && first[i]!.name === second[j]!.name && lcs[i]![j] === lcs[i + 1]![j + 1]! + 1) {
      closeGap()
      pairs.push([i++, j++])
    } else if (j >= m || (i < n && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) gapFirst.push(i++)
    else gapSecond.push(j++)
  }
  closeGap()
  return pairs
}
