import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { isIP } from 'node:net'

/** Why a request was refused: the HTTP status and one line for the person who sent it. */
export interface Refusal {
  readonly status: 400 | 403
  readonly text: string
}

/** What the guard lets in. */
export interface GuardOptions {
  /** The port the server listens on (Host must name it). */
  readonly port: number
  /** Host names besides IP literals and localhost that reach this machine (its hostname, `<hostname>.local`). */
  readonly hostnames: readonly string[]
  /** Whether any IP literal is a valid Host (on the LAN); on loopback only 127.0.0.1 and [::1]. */
  readonly anyAddress: boolean
  /** The token every request must carry (`?token=`, or the cookie the page gets), or undefined for none. */
  readonly token: string | undefined
}

/** The cookie that carries the token after the first page load, so assets and the socket need no query string. */
export const TOKEN_COOKIE = 'live-surface-token'

function sameSecret(given: string | undefined, token: string): boolean {
  if (given === undefined) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The token a request carries: in the query string, or in the cookie. */
export function tokenOf(req: IncomingMessage): string | undefined {
  const query = new URL(req.url ?? '/', 'http://surface').searchParams.get('token')
  if (query !== null) return query
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=')
    if (name === TOKEN_COOKIE) return decodeURIComponent(value.join('='))
  }
  return undefined
}

function hostAllowed(host: string, options: GuardOptions): boolean {
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+):(\d+)$/.exec(host)
  if (match === null || Number(match[2]) !== options.port) return false
  const name = match[1]!.toLowerCase()
  if (name === 'localhost' || name === '127.0.0.1' || name === '[::1]') return true
  if (options.hostnames.includes(name)) return true
  const literal = name.startsWith('[') ? name.slice(1, -1) : name
  return options.anyAddress && isIP(literal) !== 0
}

/**
 * Checks a request (page, asset or WebSocket upgrade) against DNS rebinding and, on the LAN, for the token:
 * the Host header must name this machine by an address or a known name with the server's port (a page of
 * another site whose name was re-pointed at 127.0.0.1 sends its own name); an Origin, when there is one,
 * must be this same host; and with a token, the request must carry it. Returns undefined when it may pass.
 *
 * @example
 * const refusal = checkRequest(req, { port: 8790, hostnames: [], anyAddress: false, token: undefined })
 * if (refusal) res.writeHead(refusal.status).end(refusal.text)
 */
export function checkRequest(req: IncomingMessage, options: GuardOptions): Refusal | undefined {
  const host = req.headers.host
  if (host === undefined || !hostAllowed(host, options)) {
    return {
      status: 403,
      text: `Refused: Host "${host ?? ''}" is not this machine on port ${options.port} (DNS rebinding protection). Open the address live ui printed.`,
    }
  }
  const origin = req.headers.origin
  if (origin !== undefined && origin !== `http://${host}`) {
    return { status: 403, text: `Refused: Origin "${origin}" is not this surface (http://${host}).` }
  }
  if (options.token !== undefined && !sameSecret(tokenOf(req), options.token)) {
    return {
      status: 403,
      text: 'Refused: this surface needs its token. Open the full address (with ?token=...) that `live ui --lan` printed, or scan its QR code.',
    }
  }
  return undefined
}
