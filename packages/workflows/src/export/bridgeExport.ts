import type { LiveClient } from '@live/client'
import { EXPORT_EVENTS, isLiveError, LiveError, type OscMessage } from '@live/protocol'
import { defaultNow, defaultSleep, type WorkflowContext } from '../shared/workflow.js'

/**
 * The bridge's export addresses this workflow uses. They belong to the Max for Live bridge (apps/m4l-bridge)
 * and are typed catalogue extensions in @live/protocol (`EXPORT_ADDRESSES`, `EXPORT_EVENTS`); AbletonOSC has
 * no equivalent, because a Remote Script cannot write audio files.
 */
export const BRIDGE_EXPORT_ADDRESSES = {
  /** `/live/bridge/export/start <path> <format> <bars>` → `<resolved path> <start bar> <end bar>`. */
  start: '/live/bridge/export/start',
  /** `/live/bridge/export/done <resolved path>`: the bridge wrote the file. */
  done: EXPORT_EVENTS.done,
} as const

/** One file for the bridge to write. */
export interface BridgeExportRequest {
  /** Where the bridge writes the file: relative paths land inside the export folder set in the device. */
  readonly path: string
  /** The file format. */
  readonly format: 'wav'
  /** Bars of the master to record from the next bar line once the transport plays (a fraction is rounded up). */
  readonly bars: number
  /** Milliseconds to wait for `done` before giving up. */
  readonly timeoutMs: number
}

/** What the bridge wrote. */
export interface BridgeExportResult {
  /** The file's full path, as the bridge resolved it. */
  readonly path: string
  /** The 1-based bar recording started on. */
  readonly startBar: number
  /** The bar it stopped on. */
  readonly endBar: number
}

/**
 * Asks the Max for Live bridge to record the master into a file: `/live/bridge/export/start <path> wav <bars>`
 * (answered with the resolved path and the bars it will record), then calls `whenSent` (which starts the
 * transport), and resolves when `/live/bridge/export/done <resolved path>` arrives.
 * Rejects with UNSUPPORTED when the server is not the bridge or no export folder is set in the device,
 * LIVE_REJECTED with the bridge's words for a path outside that folder, TIMEOUT when no `done` comes.
 *
 * @example
 * const { path } = await bridgeExport(live, { path: 'Stems/Bass.wav', format: 'wav', bars: 8, timeoutMs: 30_000 }, () => live.song.startPlaying())
 */
export async function bridgeExport(
  client: LiveClient,
  request: BridgeExportRequest,
  whenSent: () => Promise<void>,
  context: WorkflowContext = {},
): Promise<BridgeExportResult> {
  const sleep = context.sleep ?? defaultSleep
  const now = context.now ?? defaultNow
  const written = new Set<string>()
  const offMessage = client.on('message', (message: OscMessage) => {
    if (message.address === EXPORT_EVENTS.done) written.add(String(message.args[0]))
  })
  try {
    let path: string
    let startBar: number
    let endBar: number
    try {
      ;[path, startBar, endBar] = await client.request(
        '/live/bridge/export/start',
        [request.path, request.format, Math.ceil(request.bars - 1e-9)],
        { signal: context.signal },
      )
    } catch (error) {
      if (isLiveError(error, 'LIVE_REJECTED') && error.message.includes('no export folder is set')) {
        throw new LiveError('UNSUPPORTED', `the bridge cannot write ${request.path}: no export folder is set in it`, {
          metaMessages: [
            'Type a folder into the @live bridge device (or start the simulator with --flavour bridge --export-folder DIR).',
          ],
          details: { address: BRIDGE_EXPORT_ADDRESSES.start, path: request.path },
          cause: error,
        })
      }
      throw error
    }
    await whenSent()
    const deadline = now() + request.timeoutMs
    while (!written.has(path)) {
      if (now() > deadline) {
        throw new LiveError('TIMEOUT', `no ${EXPORT_EVENTS.done} for ${path} within ${request.timeoutMs} ms`, {
          metaMessages: ['Is the transport playing? The bridge records from the next bar line while Live plays.'],
          details: { path, startBar, endBar },
        })
      }
      await sleep(20, context.signal)
    }
    return { path, startBar, endBar }
  } finally {
    offMessage()
  }
}
