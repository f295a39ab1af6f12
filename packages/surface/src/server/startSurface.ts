import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import os from 'node:os'
import type { Duplex } from 'node:stream'
import type { LiveClient } from '@live/client'
import { LiveError } from '@live/protocol'
import { createSetMirror, type SetMirror } from '../mirror/createSetMirror.js'
import { keys } from '../shared/keys.js'
import { createSocketHub } from './createSocketHub.js'
import { defaultPageDir, loadPage, securityHeaders, sendAsset } from './pageAssets.js'
import { checkRequest, type GuardOptions, TOKEN_COOKIE, tokenOf } from './requestGuard.js'

/** The HTTP port `live ui` serves on when none is given. */
export const DEFAULT_HTTP_PORT = 8790

/** How to start the surface. */
export interface SurfaceOptions {
  /** The client to mirror Live through (the caller creates it, and closes it after the surface). */
  client: LiveClient
  /** HTTP port; 0 picks a free one. @default 8790 */
  port?: number | undefined
  /** Serve every network interface, with a token, for a tablet or a phone on the same network. @default false (127.0.0.1 only) */
  lan?: boolean | undefined
  /** The token `lan` requires (tests, or a stable bookmark). @default a random one per start */
  token?: string | undefined
  /** How often Live's shape and liveness are checked, in ms. @default 1000 */
  pollMs?: number | undefined
  /** Where the built page is. @default this package's dist/page */
  pageDir?: string | undefined
  /** Where the surface logs what it does. @default nothing */
  log?: ((line: string) => void) | undefined
}

/** A running surface. */
export interface Surface {
  /** The port it listens on. */
  readonly port: number
  /** The address to open on this machine (with the token on the LAN). */
  readonly url: string
  /** The addresses other devices of the network can open (`lan` only; empty otherwise). */
  readonly lanUrls: readonly string[]
  /** The token, when `lan` is on. */
  readonly token: string | undefined
  /** The mirror of the set the pages see. */
  readonly mirror: SetMirror
  /** The HTTP server. */
  readonly server: Server
  /** Pages connected now. */
  readonly pages: number
  /** Closes the pages' sockets, the HTTP server and the mirror (not the client). */
  close(): Promise<void>
}

/** This machine's IPv4 addresses on its networks (not loopback). */
function lanAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((info) => info !== undefined && info.family === 'IPv4' && !info.internal)
    .map((info) => info!.address)
}

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  const reason = status === 403 ? 'Forbidden' : status === 404 ? 'Not Found' : 'Bad Request'
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  )
}

/**
 * Starts the web control surface: an HTTP server for the built page and a WebSocket at `/socket` that
 * carries the set, mirrored by the client's watchers, to every page, and the pages' actions to Live.
 * Binds 127.0.0.1 unless `lan`; rejects with `PORT_IN_USE` when the port is taken.
 *
 * @example
 * const live = createClient({ transport: udp() })
 * const surface = await startSurface({ client: live })
 * console.log(`open ${surface.url}`)
 */
export async function startSurface(options: SurfaceOptions): Promise<Surface> {
  const log = options.log ?? (() => {})
  const lan = options.lan === true
  const token = lan ? (options.token ?? randomBytes(18).toString('base64url')) : undefined
  const assets = await loadPage(options.pageDir ?? defaultPageDir())
  const host = lan ? '0.0.0.0' : '127.0.0.1'
  const hostname = os.hostname().toLowerCase()
  const guard: { -readonly [K in keyof GuardOptions]: GuardOptions[K] } = {
    port: 0,
    hostnames: lan ? [hostname, `${hostname}.local`] : [],
    anyAddress: lan,
    token,
  }
  const cookie =
    token === undefined ? {} : { 'set-cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/` }

  const mirror = createSetMirror({ client: options.client, pollMs: options.pollMs, log })
  const hub = createSocketHub({ client: options.client, mirror, log })

  const server = createServer((req, res) => {
    const refusal = checkRequest(req, guard)
    if (refusal !== undefined) {
      log(`refused ${req.method} ${req.url?.split('?')[0]} from ${req.socket.remoteAddress}: ${refusal.text}`)
      res.writeHead(refusal.status, { ...securityHeaders(), 'content-type': 'text/plain; charset=utf-8' })
      res.end(`${refusal.text}\n`)
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...securityHeaders(), allow: 'GET, HEAD' }).end()
      return
    }
    const { pathname } = new URL(req.url ?? '/', 'http://surface')
    if (sendAsset(assets, pathname, req.headers['accept-encoding'], res, tokenOf(req) === undefined ? {} : cookie))
      return
    const status = pathname === '/socket' ? 426 : 404
    res.writeHead(status, { ...securityHeaders(), 'content-type': 'text/plain; charset=utf-8' })
    res.end(status === 426 ? 'The surface socket takes WebSocket connections only.\n' : 'Not found.\n')
  })
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy())
    const refusal = checkRequest(req, guard)
    if (refusal !== undefined) {
      log(`refused a socket from ${req.socket.remoteAddress}: ${refusal.text}`)
      refuseUpgrade(socket, refusal.status, refusal.text)
      return
    }
    if (new URL(req.url ?? '/', 'http://surface').pathname !== '/socket') {
      refuseUpgrade(socket, 404, 'The surface socket is /socket.')
      return
    }
    hub.upgrade(req, socket, head)
  })

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port ?? DEFAULT_HTTP_PORT, host, () => {
        server.off('error', reject)
        resolve()
      })
    })
  } catch (error) {
    await hub.close()
    await mirror.close()
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') {
      throw new LiveError('PORT_IN_USE', `HTTP port ${options.port} on ${host} is in use`, {
        metaMessages: ['Pick another with --http PORT (0 picks a free one), or stop the program that holds it.'],
        cause: error,
      })
    }
    throw error
  }
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? DEFAULT_HTTP_PORT)
  guard.port = port
  const query = token === undefined ? '' : `/?token=${token}`
  const lanUrls = lan ? lanAddresses().map((ip) => `http://${ip}:${port}${query}`) : []

  return {
    port,
    url: `http://127.0.0.1:${port}${query || '/'}`,
    lanUrls,
    token,
    mirror,
    server,
    get pages() {
      return hub.size
    },
    async close() {
      const connected = mirror.store.get(keys.live) === 'connected'
      // About one listener per key; stop_listens go out at the default pacing of 64 per 100 ms.
      const drainMs = Math.min(15_000, 1500 + Math.ceil(mirror.store.size / 0.64))
      await hub.close()
      server.closeAllConnections?.()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await mirror.close()
      // The mirror's stop_listens wait behind the transport's pacing; a ping queued after them resolves once they
      // are out, so a client closed next does not cut them off (and Live stops sending to a surface that is gone).
      if (connected) await options.client.ping({ timeout: drainMs, retries: 0 }).catch(() => {})
    },
  }
}
