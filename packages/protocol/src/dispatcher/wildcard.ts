import type { Registry } from './context.js'
import { PyError } from './pyError.js'

/**
 * AbletonOSC's `*` handling: each `*` becomes `[^/]+`, nothing else is escaped, and the regex is
 * matched at the start only (`re.match`), so it is a prefix match. Returns the matching addresses in
 * registration order.
 */
export function wildcardMatches(registry: Registry, address: string): string[] {
  let regex: RegExp
  try {
    regex = new RegExp(`^(?:${address.replace(/\*/g, '[^/]+')})`)
  } catch (error) {
    throw new PyError('Exception', error instanceof Error ? error.message : String(error))
  }
  return [...registry.keys()].filter((candidate) => regex.test(candidate))
}
