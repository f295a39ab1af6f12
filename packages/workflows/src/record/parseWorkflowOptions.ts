import { z } from 'zod'
import { parseOptions } from '../scheduler/parseOptions.js'

/**
 * Validates a workflow's options against its schema: {@link parseOptions}, with absent options read as `{}`.
 *
 * @example
 * const options = parseWorkflowOptions('recordClip', recordClipOptionsSchema, { bars: 0 }) // throws INVALID_ARGUMENTS
 */
export function parseWorkflowOptions<S extends z.ZodType>(workflow: string, schema: S, input: unknown): z.output<S> {
  return parseOptions(schema, input ?? {}, workflow)
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
