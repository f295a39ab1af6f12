import { createSimulator, type Simulator } from '@live/simulator'
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BIG_SET, bigSet } from '../../client/bench/bigSet.js'
import { type McpSession, startMcpOn } from './mcpHarness.js'

/** What one answer puts in a model's context at most: its text and its structured content as JSON, both counted. */
export const answerBytes = (result: CallToolResult): number =>
  Buffer.byteLength(result.content.map((c) => (c.type === 'text' ? c.text : '')).join('')) +
  Buffer.byteLength(JSON.stringify(result.structuredContent ?? {}))

describe(`ableton_read of a ${BIG_SET.tracks}-track × ${BIG_SET.scenes}-scene set`, () => {
  let sim: Simulator
  let mcp: McpSession
  beforeAll(async () => {
    sim = await createSimulator({ flavour: 'bridge', port: 0, set: bigSet() })
    mcp = await startMcpOn(sim)
  })
  afterAll(async () => {
    await mcp?.close()
    await sim?.close()
  })

  it('gives every track at a glance within 12 KB, text and structured content together', async () => {
    const result = await mcp.call('ableton_read')
    expect(mcp.text(result)).toBe('64 tracks, 16 scenes, 120 BPM 4/4, stopped.')
    const { set } = result.structuredContent as {
      set: { tracks: { index: number; clips: number[] }[]; scenes: string[] }
    }
    expect(set.tracks).toHaveLength(64)
    expect(set.tracks[63]).toEqual({
      index: 63,
      name: 'Track 64',
      kind: 'audio',
      volume_db: 0,
      pan: 'C',
      clips: [1, 3, 5, 7, 9, 11, 13, 15],
      devices: ['Device 63.0', 'Device 63.1', 'Device 63.2', 'Device 63.3'],
    })
    expect(set.scenes).toHaveLength(16)
    expect(answerBytes(result)).toBeLessThanOrEqual(12 * 1024)
  })

  it('pages the tracks, and gives the details of one on request', async () => {
    const first = await mcp.data<{ set: { tracks: { index: number }[]; next_offset?: number } }>('ableton_read', {
      limit: 20,
    })
    expect([first.set.tracks.length, first.set.next_offset]).toEqual([20, 20])
    const last = await mcp.call('ableton_read', { offset: 60 })
    const page = (last.structuredContent as { set: { tracks: { index: number }[]; next_offset?: number } }).set
    expect(page.tracks.map((t) => t.index)).toEqual([60, 61, 62, 63])
    expect(page.next_offset).toBeUndefined()
    expect(mcp.text(last)).toBe('64 tracks (tracks 60–63 shown), 16 scenes, 120 BPM 4/4, stopped.')
    const detail = await mcp.call('ableton_read', { track: 10 })
    const { track } = detail.structuredContent as { track: { clips: { scene: number; name: string }[] } }
    expect(track.clips.slice(0, 2)).toEqual([
      { scene: 0, name: 'Clip 10.0', length: 4 },
      { scene: 2, name: 'Clip 10.2', length: 4 },
    ])
    expect(answerBytes(detail)).toBeLessThanOrEqual(4 * 1024)
  })
})
