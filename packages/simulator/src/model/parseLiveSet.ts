import { LiveError } from '@live/protocol'
import type { z } from 'zod'
import { type LiveSetData, liveSetSchema } from './schema.js'

function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (typeof value === 'string') return JSON.stringify(value)
  if (Array.isArray(value)) return 'an array'
  if (value === null) return 'null'
  if (typeof value === 'object') return 'an object'
  return String(value)
}

function at(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root
  for (const key of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined
  return v
}

function fieldPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`
  return out || '(root)'
}

function issueText(issue: z.core.$ZodIssue, root: unknown): string {
  const where = fieldPath(issue.path)
  const got = describe(at(root, issue.path))
  switch (issue.code) {
    case 'invalid_type':
      return `${where}: expected ${issue.expected === 'number' ? 'a number' : issue.expected === 'string' ? 'a string' : issue.expected === 'boolean' ? 'a boolean' : issue.expected === 'array' ? 'an array' : issue.expected === 'object' ? 'an object' : issue.expected}, got ${got}`
    case 'too_small':
      return `${where}: must be at least ${String(issue.minimum)}, got ${got}`
    case 'too_big':
      return `${where}: must be at most ${String(issue.maximum)}, got ${got}`
    default:
      return `${where}: ${issue.message}, got ${got}`
  }
}

/**
 * Validates a Live set read from JSON; a failure is a `LiveError('INVALID_ARGUMENTS')` naming the field.
 *
 * @example
 * const data = parseLiveSet(JSON.parse(text))
 */
export function parseLiveSet(json: unknown): LiveSetData {
  const result = liveSetSchema.safeParse(json)
  if (result.success) return result.data
  const issues = result.error.issues
  const first = issues[0]
  const shortMessage = first ? issueText(first, json) : 'not a Live set'
  throw new LiveError('INVALID_ARGUMENTS', shortMessage, {
    metaMessages: [
      ...issues.slice(1, 4).map((i) => `also ${issueText(i, json)}`),
      'A Live set file is JSON as written by saveLiveSetFile() (see liveSetSchema).',
    ],
    details: { issues: issues.map((i) => ({ path: fieldPath(i.path), message: i.message })) },
  })
}
