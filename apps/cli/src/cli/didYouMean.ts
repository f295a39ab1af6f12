/** Edit distance between two words (insertions, deletions, substitutions and swaps of neighbours). */
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
 * The candidates closest to a mistyped word, best first (case-insensitive): those within a third of
 * its length in edits, or that start with what was typed; at most `max`.
 *
 * @example
 * nearest('jsn', ['json', 'host', 'port']) // ['json']
 */
export function nearest(word: string, candidates: readonly string[], max = 3): string[] {
  const typed = word.toLowerCase()
  if (typed === '') return []
  const limit = Math.max(1, Math.floor(typed.length / 3))
  return candidates
    .map((candidate) => {
      const name = candidate.toLowerCase()
      const d = distance(typed, name)
      const prefix = typed.length >= 2 && (name.startsWith(typed) || typed.startsWith(name))
      return { candidate, d: prefix ? Math.min(d, limit) : d }
    })
    .filter(({ d }) => d <= limit)
    .sort((x, y) => x.d - y.d)
    .slice(0, max)
    .map(({ candidate }) => candidate)
}

/**
 * "Did you mean …?" for a mistyped word, or undefined when nothing is close; `quote` wraps each name.
 *
 * @example
 * didYouMean('stat', ['status', 'stop']) // 'Did you mean status or stop?'
 */
export function didYouMean(
  word: string,
  candidates: readonly string[],
  quote: (name: string) => string = (name) => name,
): string | undefined {
  const near = nearest(word, candidates)
  return near.length === 0 ? undefined : `Did you mean ${near.map(quote).join(' or ')}?`
}
