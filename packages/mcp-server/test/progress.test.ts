import { dbToVolume } from '@live/protocol'
import { createSimulator, type Simulator } from '@live/simulator'
import { CallToolResultSchema, type Progress } from '@modelcontextprotocol/sdk/types.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type McpSession, startMcpOn } from './mcpHarness.js'

describe('progress and cancellation of a fade waited for, through the SDK client over stdio', () => {
  let sim: Simulator
  let mcp: McpSession
  const volume = (track: number) => sim.model.get(`live_set tracks ${track} mixer_device volume`, 'value') as number
  const jobs = async () => (await mcp.data<{ jobs: { id: number; status: string }[] }>('ableton_jobs')).jobs
  beforeAll(async () => {
    sim = await createSimulator({ flavour: 'bridge', port: 0, set: 'demo' })
    mcp = await startMcpOn(sim)
  })
  afterAll(async () => {
    await mcp?.close()
    await sim?.close()
  })

  it('sends growing progress with the total while the fade runs, and answers when it ends', async () => {
    const updates: Progress[] = []
    const result = await mcp.client.callTool(
      { name: 'ableton_fade', arguments: { track: 0, to_db: -30, seconds: 2, wait: true } },
      CallToolResultSchema,
      { onprogress: (p) => updates.push(p) },
    )
    expect(result.isError ?? false).toBe(false)
    expect((result.structuredContent as { job: { status: string } }).job.status).toBe('done')
    expect(volume(0)).toBeCloseTo(dbToVolume(-30), 5)
    // A 2-second fade: a notification at least every 250 ms (the heartbeat), at most ten a second.
    expect(updates.length).toBeGreaterThanOrEqual(3)
    expect(updates.length).toBeLessThanOrEqual(40)
    for (let i = 1; i < updates.length; i++) expect(updates[i]!.progress).toBeGreaterThan(updates[i - 1]!.progress)
    // 100 messages a second on the bridge: 200 steps and the end value.
    expect(new Set(updates.map((u) => u.total))).toEqual(new Set([201]))
    expect(updates[0]!.message).toBe('fade track 0 volume')
  })

  it('stops the fade when the request is cancelled, and puts the start value back (on_stop restore)', async () => {
    const start = volume(1)
    const updates: Progress[] = []
    const controller = new AbortController()
    const call = mcp.client
      .callTool(
        { name: 'ableton_fade', arguments: { track: 1, to_db: -60, seconds: 60, wait: true } },
        CallToolResultSchema,
        {
          onprogress: (p) => updates.push(p),
          signal: controller.signal,
        },
      )
      .then(
        () => 'answered',
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      )
    await expect.poll(() => updates.length, { timeout: 10_000 }).toBeGreaterThan(0)
    await expect.poll(() => volume(1) < start - 0.001, { timeout: 10_000 }).toBe(true)
    controller.abort()
    expect(await call).toMatchInlineSnapshot(`"MCP error -32001: AbortError: This operation was aborted"`)
    // notifications/cancelled reached the server: the job stops and its on_stop puts the volume back.
    await expect.poll(async () => (await jobs())[0]?.status, { timeout: 10_000 }).toBe('stopped')
    await expect.poll(() => volume(1), { timeout: 10_000 }).toBeCloseTo(start, 5)
  })

  it('leaves the value where it stopped with on_stop hold', async () => {
    const start = volume(2)
    const controller = new AbortController()
    const updates: Progress[] = []
    const call = mcp.client
      .callTool(
        { name: 'ableton_fade', arguments: { track: 2, to_db: -60, seconds: 60, on_stop: 'hold', wait: true } },
        CallToolResultSchema,
        { onprogress: (p) => updates.push(p), signal: controller.signal },
      )
      .catch(() => undefined)
    await expect.poll(() => volume(2) < start - 0.001, { timeout: 10_000 }).toBe(true)
    controller.abort()
    await call
    await expect.poll(async () => (await jobs())[0]?.status, { timeout: 10_000 }).toBe('stopped')
    const held = volume(2)
    expect(held).toBeLessThan(start)
    expect(held).toBeGreaterThan(dbToVolume(-60))
    expect(updates.length).toBeGreaterThan(0)
  })
})
