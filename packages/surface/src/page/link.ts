import { signal } from '@preact/signals'
import type { Action, CallName, NoticeMessage, ServerMessage } from '../shared/messages.js'
import { applyPatch, applyState } from './store.js'

/** The page's own link to the surface's server: `connecting`, `open` or `closed` (retrying). */
export const linkState = signal<'connecting' | 'open' | 'closed'>('connecting')

/** The latest refusals, newest last, for the performer to read. */
export const notices = signal<readonly (NoticeMessage & { seq: number })[]>([])

let socket: WebSocket | undefined
let nextId = 1
let retryMs = 250
let noticeSeq = 0

function socketUrl(): string {
  const token = new URLSearchParams(location.search).get('token')
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${location.host}/socket${token === null ? '' : `?token=${encodeURIComponent(token)}`}`
}

function onMessage(event: MessageEvent<string>): void {
  const message = JSON.parse(event.data) as ServerMessage
  if (message.type === 'state') {
    performance.mark('surface:state-received')
    applyState(message.entries)
    performance.mark('surface:state-applied')
  } else if (message.type === 'patch') applyPatch(message.entries, message.removed)
  else {
    const seq = ++noticeSeq
    notices.value = [...notices.value.slice(-3), { ...message, seq }]
    setTimeout(() => dismissNotice(seq), 8000)
  }
}

/** Removes one notice. */
export function dismissNotice(seq: number): void {
  notices.value = notices.value.filter((n) => n.seq !== seq)
}

/** Connects to the server, and again after every drop (the server sends the whole state on each connection). */
export function connect(): void {
  linkState.value = 'connecting'
  const ws = new WebSocket(socketUrl())
  socket = ws
  ws.onopen = () => {
    performance.mark('surface:socket-open')
    retryMs = 250
    linkState.value = 'open'
  }
  ws.onmessage = onMessage
  ws.onclose = () => {
    if (socket !== ws) return
    socket = undefined
    linkState.value = 'closed'
    setTimeout(connect, retryMs)
    retryMs = Math.min(retryMs * 2, 2000)
  }
}

function send(action: Action): void {
  if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(action))
}

/** Asks the server to set a key in Live. */
export function setKey(key: string, value: number | boolean): void {
  send({ type: 'set', id: nextId++, key, value })
}

/** Asks the server to make one of Live's calls. */
export function call(name: CallName, ...args: number[]): void {
  send({ type: 'call', id: nextId++, name, args })
}
