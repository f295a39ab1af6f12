import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { LiveClient } from '@live/client'
import { isLiveError, LiveError } from '@live/protocol'
import { type WebSocket, WebSocketServer } from 'ws'
import type { SetMirror } from '../mirror/createSetMirror.js'
import { actionSchema, type NoticeMessage, type ServerMessage } from '../shared/messages.js'
import { runAction } from './runAction.js'

/** A socket whose send buffer holds more than this skips patches, and gets the whole state once it drained. */
const BEHIND_BYTES = 1 << 20
const ACTIONS = 'Actions are { type: "set", id, key, value } or { type: "call", id, name, args }.'

/** How often idle sockets are pinged: a tablet that went to sleep is dropped after two silent pings. */
const PING_MS = 15_000

/** The WebSocket side of the surface: the state out to every page, actions in. */
export interface SocketHub {
  /** Takes over an HTTP upgrade that passed the guard. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void
  /** Pages connected now. */
  readonly size: number
  /** Closes every socket. */
  close(): Promise<void>
}

function notice(id: number | null, error: unknown): NoticeMessage {
  const live = isLiveError(error)
    ? error
    : new LiveError('INTERNAL', error instanceof Error ? error.message : String(error), { cause: error })
  return { type: 'notice', id, code: live.code, text: live.shortMessage, hints: [...live.metaMessages] }
}

/**
 * Creates the hub over the mirror's store: a page that connects gets the whole state, then every patch;
 * what it sends is checked (`actionSchema`) and run against Live by the client.
 *
 * @example
 * const hub = createSocketHub({ client, mirror, log })
 * server.on('upgrade', (req, socket, head) => hub.upgrade(req, socket, head))
 */
export function createSocketHub(options: {
  readonly client: LiveClient
  readonly mirror: SetMirror
  readonly log: (line: string) => void
}): SocketHub {
  const { client, mirror, log } = options
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024, perMessageDeflate: false })
  const behind = new Set<WebSocket>()
  const alive = new WeakSet<WebSocket>()

  const send = (ws: WebSocket, message: ServerMessage | string) => {
    if (ws.readyState !== ws.OPEN) return
    ws.send(typeof message === 'string' ? message : JSON.stringify(message))
  }
  const sendState = (ws: WebSocket) => send(ws, { type: 'state', entries: mirror.store.snapshot() })

  const offPatch = mirror.store.onPatch((patch) => {
    const text = JSON.stringify({
      type: 'patch',
      entries: patch.entries,
      ...(patch.removed.length > 0 ? { removed: patch.removed } : {}),
    } satisfies ServerMessage)
    for (const ws of wss.clients) {
      if (ws.bufferedAmount > BEHIND_BYTES) {
        behind.add(ws)
        continue
      }
      if (behind.delete(ws)) sendState(ws)
      else send(ws, text)
    }
  })

  wss.on('connection', (ws) => {
    alive.add(ws)
    ws.on('pong', () => alive.add(ws))
    ws.on('close', () => behind.delete(ws))
    ws.on('error', (error) => log(`socket error: ${error.message}`))
    ws.on('message', (data, isBinary) => {
      let id: number | null = null
      try {
        if (isBinary) throw new LiveError('INVALID_ARGUMENTS', 'the surface takes JSON text messages, not binary ones')
        let json: unknown
        try {
          json = JSON.parse(data.toString())
        } catch {
          throw new LiveError('INVALID_ARGUMENTS', 'a message from the page is not JSON', { metaMessages: [ACTIONS] })
        }
        const parsed = actionSchema.safeParse(json)
        if (!parsed.success) {
          const given = (json as { id?: unknown } | null)?.id
          id = typeof given === 'number' ? given : null
          throw new LiveError(
            'INVALID_ARGUMENTS',
            `a message from the page is not an action: ${parsed.error.issues[0]?.message ?? ''}`,
            {
              metaMessages: [ACTIONS],
            },
          )
        }
        id = parsed.data.id
        runAction(client, mirror, parsed.data).catch((error: unknown) => send(ws, notice(id, error)))
      } catch (error) {
        send(ws, notice(id, error))
      }
    })
    sendState(ws)
  })

  const pinger = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate()
        continue
      }
      alive.delete(ws)
      ws.ping()
    }
  }, PING_MS)
  pinger.unref()

  return {
    upgrade(req, socket, head) {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
    },
    get size() {
      return wss.clients.size
    },
    async close() {
      clearInterval(pinger)
      offPatch()
      for (const ws of wss.clients) ws.terminate()
      await new Promise<void>((resolve) => wss.close(() => resolve()))
    },
  }
}
