import { isBundle, type OscMessage, type OscPacket, type OscValue } from '@live/protocol'

/** Who a reply goes to: a set of member ids, or everyone. */
export type RouteTargets = ReadonlySet<string> | 'all'

/** How long the hub remembers that a member expects a reply, in ms. @default 5000 */
export const expectationTtlMs = 5_000

interface Expectation {
  readonly member: string
  readonly pattern: RegExp
  readonly args: readonly OscValue[]
  /** Wildcard requests (address `*` or a `"*"` argument) may be answered many times: they only expire. */
  readonly many: boolean
  readonly expires: number
}

interface Subscription {
  readonly member: string
  readonly addresses: readonly string[]
  readonly args: readonly OscValue[]
}

/** The messages of a packet in order, bundles flattened. */
export function flattenPacket(packet: OscPacket): OscMessage[] {
  if (!isBundle(packet)) return [packet]
  return packet.elements.flatMap(flattenPacket)
}

/**
 * The getter addresses a `start_listen` message makes AbletonOSC send on, or undefined when the
 * message does not start (or stop) a listener. The parameter listener also sends `value_string`.
 */
export function listenerAddresses(
  address: string,
): { readonly kind: 'start' | 'stop'; readonly addresses: string[] } | undefined {
  const match = /^(\/live\/[^/]+)\/(start|stop)_listen\/(.+)$/.exec(address)
  if (!match) return undefined
  const get = `${match[1]}/get/${match[3]}`
  const addresses = get === '/live/device/get/parameter/value' ? [get, `${get}_string`] : [get]
  return { kind: match[2] === 'start' ? 'start' : 'stop', addresses }
}

/** True for a message that makes AbletonOSC answer on its own address (everything but setters and listeners). */
function expectsReply(address: string): boolean {
  return !address.includes('/set/') && listenerAddresses(address) === undefined
}

function patternOf(address: string): RegExp {
  // AbletonOSC's own rule: `*` is `[^/]+`, anchored at the start only (a prefix match).
  const escaped = address.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]+')
  return new RegExp(`^${escaped}${address.includes('*') ? '' : '$'}`)
}

function sameValue(a: OscValue | undefined, b: OscValue | undefined): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b
  if (a instanceof Uint8Array || b instanceof Uint8Array || typeof a === 'object' || typeof b === 'object') {
    return JSON.stringify(a) === JSON.stringify(b)
  }
  return a === b
}

/** True when `expected` is a prefix of `actual`; a `"*"` expected argument matches anything. */
function isPrefix(expected: readonly OscValue[], actual: readonly OscValue[]): boolean {
  if (expected.length > actual.length) return false
  return expected.every((value, i) => value === '*' || sameValue(value, actual[i]))
}

/**
 * The hub's routing table: which member expects which reply, and who listens to what. A reply goes
 * to the members whose request it answers (address plus echoed leading arguments, or the address
 * alone for replies that echo nothing), and a listener update to the members that started that
 * listener; anything nobody claims (errors, `/live/startup`, orphaned listeners) goes to all.
 *
 * @example
 * const router = createReplyRouter()
 * router.noteSent('a', [{ address: '/live/track/get/volume', args: [2] }], Date.now())
 * router.route([{ address: '/live/track/get/volume', args: [2, 0.85] }], Date.now()) // Set { 'a' }
 */
export function createReplyRouter() {
  let expectations: Expectation[] = []
  let subscriptions: Subscription[] = []

  function prune(now: number): void {
    if (expectations.some((e) => e.expires <= now)) expectations = expectations.filter((e) => e.expires > now)
  }

  function routeMessage(message: OscMessage, targets: Set<string>): void {
    const candidates = expectations.filter((e) => e.pattern.test(message.address))
    const strong = candidates.filter((e) => isPrefix(e.args, message.args))
    const subscribers = subscriptions.filter(
      (s) => s.addresses.includes(message.address) && isPrefix(s.args, message.args),
    )
    // Address-only matching is for replies that echo nothing (song bulk getters, song extras after
    // the value); a listener update that a subscription claims must not eat someone's pending get.
    const chosen = strong.length > 0 ? strong : subscribers.length > 0 ? [] : candidates
    const consumed = new Set<string>()
    for (const expectation of chosen) {
      targets.add(expectation.member)
      if (expectation.many || consumed.has(expectation.member)) continue
      consumed.add(expectation.member)
      expectations.splice(expectations.indexOf(expectation), 1)
    }
    for (const subscription of subscribers) targets.add(subscription.member)
  }

  return {
    /** Records what a member just sent: the replies it expects and the listeners it starts or stops. */
    noteSent(member: string, messages: readonly OscMessage[], now: number): void {
      prune(now)
      for (const message of messages) {
        const listener = listenerAddresses(message.address)
        if (listener?.kind === 'start') {
          const duplicate = subscriptions.some(
            (s) => s.member === member && s.addresses[0] === listener.addresses[0] && sameArgs(s.args, message.args),
          )
          if (!duplicate) subscriptions.push({ member, addresses: listener.addresses, args: message.args })
        } else if (listener?.kind === 'stop') {
          subscriptions = subscriptions.filter(
            (s) => !(s.member === member && s.addresses[0] === listener.addresses[0] && sameArgs(s.args, message.args)),
          )
        } else if (expectsReply(message.address)) {
          const many = message.address.includes('*') || message.args.includes('*')
          expectations.push({
            member,
            pattern: patternOf(message.address),
            args: message.args,
            many,
            expires: now + expectationTtlMs,
          })
        }
      }
    },
    /** The members a received packet goes to: union over its messages, or `'all'` when nobody claims it. */
    route(messages: readonly OscMessage[], now: number): RouteTargets {
      prune(now)
      const targets = new Set<string>()
      for (const message of messages) routeMessage(message, targets)
      return targets.size === 0 ? 'all' : targets
    },
    /** Forgets everything about a member that left. */
    removeMember(member: string): void {
      expectations = expectations.filter((e) => e.member !== member)
      subscriptions = subscriptions.filter((s) => s.member !== member)
    },
  }
}

/** The hub's routing table, as returned by {@link createReplyRouter}. */
export type ReplyRouter = ReturnType<typeof createReplyRouter>

function sameArgs(a: readonly OscValue[], b: readonly OscValue[]): boolean {
  return a.length === b.length && a.every((value, i) => sameValue(value, b[i]))
}

/**
 * The listeners one process has started and not stopped, as the messages that started them, so a
 * member can register them again with a new hub after a hand-over.
 */
export function createListenerLedger() {
  const started = new Map<string, OscMessage>()
  return {
    /** Updates the ledger from messages this process sent. */
    note(messages: readonly OscMessage[]): void {
      for (const message of messages) {
        const listener = listenerAddresses(message.address)
        if (!listener) continue
        const key = `${listener.addresses[0]} ${JSON.stringify(message.args, jsonSafe)}`
        if (listener.kind === 'start') started.set(key, message)
        else started.delete(key)
      }
    },
    /** The `start_listen` messages still in force. */
    messages(): OscMessage[] {
      return [...started.values()]
    },
  }
}

function jsonSafe(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? `${value}n` : value
}
