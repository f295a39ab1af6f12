import { LiveError } from '@live/protocol'
import type { z } from 'zod'
import { formatPath, valueAt } from '../scheduler/parseOptions.js'
import { controlKey, describeControl } from './controlKey.js'
import { JsonSyntaxError, parseLocatedJson, type SourcePosition } from './locatedJson.js'
import { type MappingLine, type MidiMap, midiMapSchema } from './midiMapSchema.js'

/** One problem in a mapping file: where, which field, and what is wrong. */
export interface MapProblem {
  readonly line: number
  readonly column: number
  /** The field, as `mappings[2].target.kind` (empty for the whole file). */
  readonly field: string
  readonly problem: string
}

/** Options of {@link parseMidiMap}. */
export interface ParseMidiMapOptions {
  /** The file's name in messages. @default 'mapping' */
  source?: string | undefined
}

const NEXT_STEP = 'Nothing was sent to Live; fix the file and run it again (`live map FILE --dry-run` checks it).'

/**
 * Parses and checks a mapping file's text (JSON): every problem names its line, column and field.
 *
 * @example
 * const map = parseMidiMap(await readFile('nano.json', 'utf8'), { source: 'nano.json' })
 */
export function parseMidiMap(text: string, options: ParseMidiMapOptions = {}): MidiMap {
  const source = options.source ?? 'mapping'
  let doc: ReturnType<typeof parseLocatedJson>
  try {
    doc = parseLocatedJson(text)
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error
    throw mapError(source, [{ ...error.position, field: '', problem: `is not valid JSON: expected ${error.message}` }])
  }
  return checkMidiMap(doc.value, source, doc.locate)
}

/**
 * Checks mapping data (from a file, or built in code): the schema, then what it cannot say (one owner per
 * target, no control mapped twice on a page).
 *
 * @example
 * const map = checkMidiMap({ mappings: [{ control: { cc: 7 }, target: { kind: 'volume', track: 0 } }] })
 */
export function checkMidiMap(
  value: unknown,
  source = 'mapping',
  locate: (path: readonly PropertyKey[], options?: { key?: boolean }) => SourcePosition = () => ({
    line: 1,
    column: 1,
  }),
): MidiMap {
  const problem = (path: readonly PropertyKey[], text: string): MapProblem => ({
    ...locate(path, { key: text.startsWith('unknown field') }),
    field: formatPath(path),
    problem: text,
  })
  const result = midiMapSchema.safeParse(value)
  if (!result.success) {
    throw mapError(
      source,
      result.error.issues.map((issue) => describeIssue(issue, value, problem)),
    )
  }
  const problems = [...ownerProblems(result.data, problem), ...duplicateProblems(result.data, locate, problem)]
  if (problems.length > 0) throw mapError(source, problems)
  return result.data
}

function describeIssue(
  issue: z.core.$ZodIssue,
  input: unknown,
  problem: (path: readonly PropertyKey[], text: string) => MapProblem,
): MapProblem {
  const path = issue.path
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(input, path)
    const key = issue.keys[0]!
    const hint = closest(key, known)
    return problem([...path, key], `unknown field${hint === undefined ? '' : `; did you mean "${hint}"?`}`)
  }
  if (issue.code === 'invalid_union' && 'options' in issue && Array.isArray(issue.options)) {
    const given = valueAt(input, path)
    const options = (issue.options as unknown[]).map(String)
    const hint = typeof given === 'string' ? closest(given, options) : undefined
    const shown = given === undefined ? 'missing' : `${JSON.stringify(given)} is not a target kind`
    return problem(
      path,
      `${shown}; ${hint === undefined ? `the kinds are ${options.join(', ')}` : `did you mean "${hint}"?`}`,
    )
  }
  const given = valueAt(input, path)
  if (given === undefined && issue.code === 'invalid_type')
    return problem(path, `is missing (expected ${issue.expected})`)
  const shown = given === undefined ? '' : `${JSON.stringify(given)}: `
  const message = issue.message.replace(/^Invalid input: /, '')
  return problem(path, `${shown}${message}`)
}

/** One owner for mixer and device targets; exactly one way to say a selection, a page, a bank move. */
function ownerProblems(map: MidiMap, problem: (path: readonly PropertyKey[], text: string) => MapProblem) {
  const out: MapProblem[] = []
  map.mappings.forEach((line, n) => {
    const t = line.target as Record<string, unknown>
    const at = (field: string) => ['mappings', n, 'target', ...(field === '' ? [] : [field])]
    const exactlyOne = (fields: readonly string[]) => {
      const given = fields.filter((f) => t[f] !== undefined)
      if (given.length === 1) return
      out.push(
        problem(
          at(given[1] ?? ''),
          given.length === 0
            ? `a ${line.target.kind} target needs one of ${fields.join(', ')}`
            : `give one of ${fields.join(', ')}, not both ${given[0]} and ${given[1]}`,
        ),
      )
    }
    const kind = line.target.kind
    if (kind === 'volume' || kind === 'panning' || kind === 'parameter') exactlyOne(['track', 'return', 'master'])
    if (kind === 'send' || kind === 'mute' || kind === 'solo') exactlyOne(['track', 'return'])
    if (kind === 'select-track') exactlyOne(['track', 'step'])
    if (kind === 'select-scene') exactlyOne(['scene', 'step'])
    if (kind === 'page') exactlyOne(['page', 'step'])
    if (kind === 'page' && line.target.page !== undefined && line.target.page >= (map.pages ?? 1)) {
      out.push(problem(at('page'), `page ${line.target.page} does not exist: the file has "pages": ${map.pages ?? 1}`))
    }
    if (line.page !== undefined && line.page >= (map.pages ?? 1)) {
      out.push(
        problem(['mappings', n, 'page'], `page ${line.page} does not exist: the file has "pages": ${map.pages ?? 1}`),
      )
    }
    if (kind === 'bank' && !line.target.tracks && !line.target.scenes) {
      out.push(problem(at(''), 'a bank target needs tracks or scenes (a number of banks to move, like 1 or -1)'))
    }
    if (line.curve === 'db' && kind !== 'volume' && kind !== 'send') {
      out.push(problem(['mappings', n, 'curve'], `"db" is for volume and send faders, not ${kind}`))
    }
  })
  return out
}

/** A control mapped twice on one page would move two things at once: almost always a copy-paste slip. */
function duplicateProblems(
  map: MidiMap,
  locate: (path: readonly PropertyKey[]) => SourcePosition,
  problem: (path: readonly PropertyKey[], text: string) => MapProblem,
) {
  const seen = new Map<string, number>()
  const out: MapProblem[] = []
  map.mappings.forEach((line: MappingLine, n) => {
    const pages = line.page === undefined ? Array.from({ length: map.pages ?? 1 }, (_, p) => p) : [line.page]
    for (const page of pages) {
      const key = `${controlKey(line.control, map.channel)}@${page}`
      const first = seen.get(key)
      if (first === undefined) {
        seen.set(key, n)
        continue
      }
      const where = locate(['mappings', first])
      out.push(
        problem(
          ['mappings', n, 'control'],
          `${describeControl(line.control, map.channel)} is already mapped on line ${where.line} (mappings[${first}])${(map.pages ?? 1) > 1 ? ` on page ${page}` : ''}; give one of them another control or page`,
        ),
      )
      return
    }
  })
  return out
}

function mapError(source: string, problems: readonly MapProblem[]): LiveError {
  const text = (p: MapProblem) => `${source}:${p.line}:${p.column}: ${p.field === '' ? '' : `${p.field}: `}${p.problem}`
  const [first, ...rest] = problems
  return new LiveError('INVALID_ARGUMENTS', text(first!), {
    metaMessages: [...rest.slice(0, 4).map((p) => `Also ${text(p)}`), NEXT_STEP],
    details: { source, problems },
  })
}

/** The keys a strict object at `path` accepts, guessed from the sibling shapes the schema knows. */
function knownKeys(input: unknown, path: readonly PropertyKey[]): readonly string[] {
  const last = path.at(-1)
  const parent = path.at(-2)
  if (path.length === 0) return Object.keys(midiMapSchema.shape)
  if (last === 'control') return ['cc', 'note', 'pitchBend', 'program', 'channel', 'mode']
  if (last === 'target') {
    const kind = (valueAt(input, path) as { kind?: unknown } | undefined)?.kind
    return [
      'kind',
      'track',
      'return',
      'master',
      'send',
      'device',
      'parameter',
      'scene',
      'step',
      'page',
      'tracks',
      'scenes',
      'address',
      'args',
    ].filter((k) => kind !== undefined || k !== 'kind')
  }
  if (last === 'banks') return ['tracks', 'scenes']
  if (last === 'feedback') return ['on', 'off', 'empty', 'stopped', 'playing', 'triggered']
  if (parent === 'mappings')
    return ['name', 'control', 'target', 'range', 'curve', 'invert', 'step', 'takeover', 'page', 'bank', 'feedback']
  return []
}

/** The known word nearest a typo (edit distance ≤ 2, or a case/dash difference), if any. */
export function closest(word: string, known: readonly string[]): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[-_ ]/g, '')
  let best: string | undefined
  let bestDistance = 3
  for (const candidate of known) {
    const d = norm(candidate) === norm(word) ? 0 : distance(word.toLowerCase(), candidate.toLowerCase())
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  return best
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = current
    }
  }
  return row[b.length]!
}
