import { LiveError } from '@live/protocol'
import type { z } from 'zod'
import type { JsonSchema } from './jsonSchema.js'

const TYPE_WORDS: Record<string, string> = {
  integer: 'a whole number',
  number: 'a number',
  string: 'a text',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
}

/** The schema node at a path of arguments (`notes.0.pitch`), through properties and array items. */
function nodeAt(schema: JsonSchema, path: readonly PropertyKey[]): JsonSchema | undefined {
  let node: JsonSchema | undefined = schema
  for (const key of path) {
    if (node === undefined) return undefined
    if (typeof key === 'number') node = node.items as JsonSchema | undefined
    else node = (node.properties as Record<string, JsonSchema> | undefined)?.[String(key)]
  }
  return node
}

function valueAt(args: unknown, path: readonly PropertyKey[]): unknown {
  let value = args
  for (const key of path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key]
  return value
}

// Arguments whose meaning the list leaves to the server's instructions: said again where they go wrong.
const MEANINGS: Readonly<Record<string, string>> = {
  track: 'a track index from 0, or "master" or "return/R" on the bridge',
  to_track: 'a track index from 0',
  scene: 'a scene index from 0',
  device: 'a device index from 0, or a chain path "0/1/2" on the bridge',
}

/** What a schema node accepts, in words: "a number from 20 to 999", "one of 'midi', 'audio'". */
export function expectedText(node: JsonSchema | undefined): string {
  if (node === undefined) return 'a valid value'
  if (Array.isArray(node.enum)) return `one of ${node.enum.map((v) => JSON.stringify(v)).join(', ')}`
  const types = (Array.isArray(node.type) ? node.type : [node.type]).filter((t): t is string => typeof t === 'string')
  let text = types.length === 0 ? 'a value' : types.map((t) => TYPE_WORDS[t] ?? t).join(' or ')
  const { minimum: min, maximum: max } = node
  if (typeof min === 'number' && typeof max === 'number') text += ` from ${min} to ${max}`
  else if (typeof min === 'number') text += ` ≥ ${min}`
  else if (typeof max === 'number') text += ` ≤ ${max}`
  if (typeof node.minItems === 'number' && node.minItems > 0) text += ` of at least ${node.minItems}`
  if (typeof node.description === 'string') text += ` (${node.description.replace(/\.$/, '')})`
  return text
}

function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join('')
}

function describeIssue(issue: z.ZodError['issues'][number], args: unknown, schema: JsonSchema, tool: string): string {
  const path = issue.path
  const name = pathText(path)
  if (issue.code === 'unrecognized_keys') {
    const where = nodeAt(schema, path)
    const known = Object.keys((where?.properties as object | undefined) ?? {})
    const keys = issue.keys.map((k) => JSON.stringify(k)).join(', ')
    const takes = known.length === 0 ? 'no arguments' : known.join(', ')
    return `unknown argument ${keys}${name === '' ? '' : ` in ${name}`}: ${tool} takes ${takes}`
  }
  const value = valueAt(args, path)
  const node = nodeAt(schema, path)
  const meaning = path.length === 1 ? MEANINGS[String(path[0])] : undefined
  const expected = meaning ?? expectedText(node)
  if (value === undefined) return `${name} is missing: expected ${expected}`
  const shown = JSON.stringify(value)
  const value_ = shown.length > 60 ? `${shown.slice(0, 57)}...` : shown
  // The list leaves out some bounds (indices' 0, lengths); the issue itself always has the one broken.
  const listed = issue.code === 'too_small' ? (node?.minimum ?? node?.exclusiveMinimum) : node?.maximum
  if ((issue.code === 'too_small' || issue.code === 'too_big') && (listed !== undefined || meaning !== undefined)) {
    return `${name} ${value_} is out of range: expected ${expected}`
  }
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum
    const word =
      issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint'
        ? issue.code === 'too_small'
          ? issue.inclusive
            ? '≥'
            : '>'
          : issue.inclusive
            ? '≤'
            : '<'
        : issue.code === 'too_small'
          ? 'at least'
          : 'at most'
    const unit = issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : ''
    return `${name} ${value_} is out of range: expected ${expected} ${word} ${String(bound)}${unit}`
  }
  return `${name} ${value_} is not valid: expected ${expected}`
}

/**
 * A zod failure of a tool's arguments as our own INVALID_ARGUMENTS: each argument, the value given, what is
 * accepted (from the tool's JSON Schema, which the model also reads), and the next step.
 *
 * @example
 * argumentError(error, { bpm: 5000 }, schema, 'ableton_set_tempo').shortMessage
 * // 'bpm 5000 is out of range: expected a number from 20 to 999'
 */
export function argumentError(error: z.ZodError, args: unknown, schema: JsonSchema, tool: string): LiveError {
  const lines = error.issues.slice(0, 3).map((issue) => describeIssue(issue, args, schema, tool))
  const names = [...new Set(error.issues.filter((i) => i.code !== 'unrecognized_keys').map((i) => String(i.path[0])))]
  const next =
    names.length === 0
      ? `Call ${tool} again with only those arguments.`
      : `Fix ${names.join(', ')} and call ${tool} again.`
  return new LiveError('INVALID_ARGUMENTS', lines.join('; '), {
    metaMessages: [next],
    details: { tool, issues: error.issues.length },
  })
}
