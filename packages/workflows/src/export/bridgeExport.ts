import type { LiveClient } from '@live/client'
import { LiveError, type OscMessage } from '@live/protocol'
import { defaultNow, defaultSleep, type WorkflowContext } from '../shared/workflow.js'

/**
 * The bridge's export addresses. They belong to the Max for Live bridge (apps/m4l-bridge), which defines them;
 * AbletonOSC has no equivalent, because a Remote Script cannot write audio files.
 */
export const BRIDGE_EXPORT_ADDRESSES = {
  /** `/live/bridge/export/start <path> <format> <bars>`: record the master for `bars` bars into a file. */
  start: '/live/bridge/export/start',
  /** `/live/bridge/export/done <path>`: the bridge wrote the file. */
  done: '/live/bridge/export/done',
} as const

/** One file for the bridge to write. */
export interface BridgeExportRequest {
  /** Where the bridge writes the file (resolved by the bridge, relative paths next to the set). */
  readonly path: string
  /** The file format. */
  readonly format: 'wav'
  /** Bars of the master to record from when the transport starts. */
  readonly bars: number
  /** Milliseconds to wait for `done` before giving up. */
  readonly timeoutMs: number
}

/**
 * Asks the Max for Live bridge to record the master into a file: sends `/live/bridge/export/start <path> <format>
 * <bars>`, calls `whenSent` (which starts the transport), and resolves when `/live/bridge/export/done <path>` arrives.
 * Rejects with UNSUPPORTED when the server answers `/live/error` about the address, TIMEOUT when no `done` comes.
 *
 * @example
 * await bridgeExport(live, { path: 'Stems/Bass.wav', format: 'wav', bars: 8, timeoutMs: 30_000 }, () => live.song.startPlaying())
 */
export async function bridgeExport(
  client: LiveClient,
  request: BridgeExportRequest,
  whenSent: () => Promise<void>,
  context: WorkflowContext = {},
): Promise<void> {
  const sleep = context.sleep ?? defaultSleep
  const now = context.now ?? defaultNow
  let outcome: 'done' | LiveError | undefined
  const offMessage = client.on('message', (message: OscMessage) => {
    if (message.address === BRIDGE_EXPORT_ADDRESSES.done && message.args[0] === request.path) outcome = 'done'
    if (message.address === '/live/error' && message.args.map(String).join(' ').includes('/live/bridge/export')) {
      outcome = new LiveError(
        'UNSUPPORTED',
        `the server refused ${BRIDGE_EXPORT_ADDRESSES.start}: ${message.args.map(String).join(' ')}`,
        {
          metaMessages: ['This version of the bridge (or the simulator) cannot write audio files.'],
          details: { address: BRIDGE_EXPORT_ADDRESSES.start, path: request.path },
        },
      )
    }
  })
  // The client cannot pin a refusal of an address outside its catalogue on a request; keep it out of the log.
  const offError = client.on('error', (error) => {
    if (!error.message.includes('/live/bridge/export')) console.warn(`@live/client: ${error.message}`)
  })
  try {
    await client.open({ signal: context.signal })
    await client.transport.send({
      address: BRIDGE_EXPORT_ADDRESSES.start,
      args: [request.path, request.format, Math.round(request.bars)],
      types: 'ssi',
    })
    await whenSent()
    const deadline = now() + request.timeoutMs
    while (outcome === undefined) {
      if (now() > deadline) {
        throw new LiveError(
          'TIMEOUT',
          `no ${BRIDGE_EXPORT_ADDRESSES.done} for ${request.path} within ${request.timeoutMs} ms`,
          {
            metaMessages: ['Is the @live bridge device loaded in the set, and can it write to that folder?'],
            details: { path: request.path },
          },
        )
      }
      await sleep(20, context.signal)
    }
    if (outcome !== 'done') throw outcome
  } finally {
    offMessage()
    offError()
  }
}
