import { LiveError } from '@live/protocol'
import { z } from 'zod'

/** The value at a zod issue's path inside the options a caller gave. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

/** `tracks[0]`, `bars`: a zod path as a person writes it. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`
  return out
}

/** A value as it reads in a message: strings quoted, undefined as "missing". */
export function formatValue(value: unknown): string {
  if (value === undefined) return 'missing'
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value)
  return JSON.stringify(value) ?? String(value)
}

/**
 * Validates a workflow's options against its schema; a bad option becomes an INVALID_ARGUMENTS LiveError
 * naming the option, the value given and what is valid.
 *
 * @example
 * const options = parseWorkflowOptions('recordClip', recordClipOptionsSchema, { bars: 0 }) // throws INVALID_ARGUMENTS
 */
export function parseWorkflowOptions<S extends z.ZodType>(workflow: string, schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input ?? {})
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  const name = formatPath(issue.path)
  const value = valueAt(input, issue.path)
  const subject = name === '' ? 'options' : `option ${name}`
  return invalid(`${workflow}: ${subject} = ${formatValue(value)} is invalid: ${issue.message}`, {
    workflow,
    option: name,
    value,
    issues: result.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
  })
}

function invalid(message: string, details: Record<string, unknown>): never {
  throw new LiveError('INVALID_ARGUMENTS', message, {
    metaMessages: ['Nothing was sent to Live.'],
    details,
  })
}

/** A whole number in [min, max], with a message that names the range. */
export function wholeNumber(min: number, max: number, unit = ''): z.ZodNumber {
  const error = `expected a whole number${unit === '' ? '' : ` of ${unit}`} from ${min} to ${max}`
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error })
}

/** A number in [min, max], with a message that names the range. */
export function numberIn(min: number, max: number, unit = ''): z.ZodNumber {
  const error = `expected a number${unit === '' ? '' : ` of ${unit}`} from ${min} to ${max}`
  return z.number({ error }).min(min, { error }).max(max, { error })
}
