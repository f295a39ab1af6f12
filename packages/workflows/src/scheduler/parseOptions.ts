import { LiveError } from '@live/protocol'
import type { z } from 'zod'

/** The value at a zod issue's path in the input, or undefined where the path goes past it. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined
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

function describeRange(issue: z.core.$ZodIssue): string {
  const i = issue as z.core.$ZodIssue & {
    minimum?: unknown
    maximum?: unknown
    inclusive?: boolean
    values?: readonly unknown[]
    expected?: unknown
  }
  if (i.code === 'too_small') return `${i.inclusive === false ? '>' : '>='} ${String(i.minimum)}`
  if (i.code === 'too_big') return `${i.inclusive === false ? '<' : '<='} ${String(i.maximum)}`
  if (i.code === 'invalid_value' && i.values !== undefined)
    return `one of ${i.values.map((v) => JSON.stringify(v)).join(', ')}`
  if (i.code === 'invalid_type') return `a ${String(i.expected)}`
  return issue.message
}

/**
 * Validates a workflow's options with its zod schema; a failure is an INVALID_ARGUMENTS LiveError naming the
 * option, the value given and what is valid.
 *
 * @example
 * const options = parseOptions(fadeOptionsSchema, input, 'fade')
 */
export function parseOptions<S extends z.ZodType>(schema: S, input: unknown, workflow: string): z.infer<S> {
  const result = schema.safeParse(input, { reportInput: true })
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  const option = issue.path.length === 0 ? 'options' : formatPath(issue.path)
  const value = valueAt(input, issue.path)
  const shown = value === undefined ? 'missing' : JSON.stringify(value)
  // A schema that words its own range ("expected a whole number of bars from 1 to 999") is quoted as is.
  const valid = issue.message.startsWith('expected ') ? issue.message.slice('expected '.length) : describeRange(issue)
  return invalidOption(workflow, option, shown, valid, [
    ...result.error.issues.slice(1, 4).map((i) => `Also: ${formatPath(i.path) || 'options'}: ${i.message}`),
  ])
}

/** The INVALID_ARGUMENTS error for one option: the workflow, the option, the value given, and what is wrong. */
export function optionError(
  workflow: string,
  option: string,
  value: string,
  problem: string,
  metaMessages: readonly string[] = [],
): LiveError {
  return new LiveError('INVALID_ARGUMENTS', `${workflow}: option ${option} = ${value} is not valid: ${problem}`, {
    metaMessages: [...metaMessages, 'Nothing was sent to Live.'],
    details: { workflow, option, value, problem },
  })
}

/** Throws INVALID_ARGUMENTS for one option: its name, the value given and the valid range. */
export function invalidOption(
  workflow: string,
  option: string,
  value: string,
  valid: string,
  metaMessages: readonly string[] = [],
): never {
  throw optionError(workflow, option, value, `expected ${valid}`, metaMessages)
}
