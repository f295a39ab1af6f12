import { createSimulator, type Simulator } from '@live/simulator'
import { freeUdpPort } from '@live/test-utils'
import { ResourceUpdatedNotificationSchema } from '@modelcontextprotocol/sdk/types.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type McpSession, startMcp } from './mcpHarness.js'

describe('--sim', () => {
  let mcp: McpSession
  beforeAll(async () => {
    mcp = await startMcp(['--sim'])
  })
  afterAll(() => mcp?.close())

  it('answers tools/list and a tool call with the demo set', async () => {
    const { tools } = await mcp.client.listTools()
    expect(tools.map((t) => t.name)).toContain('ableton_set_tempo')
    const result = await mcp.call('ableton_set_tempo', { bpm: 100 })
    expect(mcp.text(result)).toBe('Tempo is now 100 BPM.')
    expect(result.structuredContent).toEqual({ tempo: 100 })
    expect(mcp.stderr()).toMatch(/simulator \(bridge flavour, demo set\) on 127\.0\.0\.1:\d+/)
  })

  it('lists resources, templates and prompts', async () => {
    const resources = await mcp.client.listResources()
    expect(resources.resources.map((r) => `${r.uri} ${r.name}`)).toMatchSnapshot()
    const templates = await mcp.client.listResourceTemplates()
    expect(templates.resourceTemplates.map((r) => r.uriTemplate)).toEqual(['live://tracks/{index}'])
    const prompts = await mcp.client.listPrompts()
    expect(
      prompts.prompts.map((p) => `${p.name} (${(p.arguments ?? []).map((a) => a.name).join(', ')})`),
    ).toMatchSnapshot()
    const beat = await mcp.client.getPrompt({ name: 'build_beat', arguments: { bpm: '124' } })
    expect(JSON.stringify(beat.messages)).toContain('ableton_create_clip')
  })

  it('names only tools that exist in its prompts and instructions', async () => {
    const names = new Set((await mcp.client.listTools()).tools.map((t) => t.name))
    const texts = [mcp.client.getInstructions() ?? '']
    for (const prompt of (await mcp.client.listPrompts()).prompts) {
      const got = await mcp.client.getPrompt({ name: prompt.name, arguments: {} })
      texts.push(JSON.stringify(got.messages))
    }
    const mentioned = new Set(texts.flatMap((text) => text.match(/ableton_[a-z_]+/g) ?? []))
    expect(mentioned.size).toBeGreaterThan(8)
    for (const name of mentioned) expect(names, name).toContain(name)
  })

  it('tells the model the conventions once, in the instructions', () => {
    const instructions = mcp.client.getInstructions() ?? ''
    expect(instructions).toMatch(/count from 0/)
    expect(instructions).toMatch(/"25L", "C", "50R"/)
    expect(instructions).toMatch(/"bar\.beat\.sixteenth"/)
    expect(Buffer.byteLength(instructions)).toBeLessThan(2500)
  })

  it('reads resources and notifies subscribers of changes', async () => {
    const session = await mcp.client.readResource({ uri: 'live://session' })
    expect(JSON.parse((session.contents[0] as { text: string }).text).tracks).toHaveLength(5)
    const track = await mcp.client.readResource({ uri: 'live://tracks/1' })
    expect(JSON.parse((track.contents[0] as { text: string }).text).name).toBe('Bass')
    const updated: string[] = []
    mcp.client.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => {
      updated.push(n.params.uri)
    })
    await mcp.client.subscribeResource({ uri: 'live://session' })
    await mcp.client.subscribeResource({ uri: 'live://tracks/1' })
    await mcp.call('ableton_set_track_volume', { track: 1, volume_db: -12 })
    await expect.poll(() => updated.includes('live://tracks/1')).toBe(true)
    expect(updated).toContain('live://session')
    await mcp.client.unsubscribeResource({ uri: 'live://session' })
  })
})

describe('Live not reachable', () => {
  let mcp: McpSession
  let port: number
  beforeAll(async () => {
    port = await freeUdpPort()
    const replyPort = await freeUdpPort()
    mcp = await startMcp(['--host', '127.0.0.1', '--port', String(port), '--reply-port', String(replyPort)])
  })
  afterAll(() => mcp?.close())

  it('starts, answers tools/list, and turns a call into a tool error with the next steps', async () => {
    expect((await mcp.client.listTools()).tools.length).toBeGreaterThan(20)
    const result = await mcp.call('ableton_set_tempo', { bpm: 128 })
    expect(result.isError).toBe(true)
    expect(mcp.text(result).replaceAll(String(port), '<port>')).toMatchInlineSnapshot(`
      "Live is not reachable at 127.0.0.1:<port> (no reply to /live/song/get/tempo from 127.0.0.1:<port> within 500 ms).
      What to do:
      - Start Ableton Live with AbletonOSC installed, and select it in Preferences > Link, Tempo & MIDI > Control Surface.
      - If Live listens elsewhere, set ABLETON_OSC_HOST / ABLETON_OSC_PORT (or start this server with --host / --port).
      - Run \`live doctor\` to check the connection step by step.
      - To try the tools without Live, start this server with --sim."
    `)
    expect((await mcp.client.listTools()).tools.length).toBeGreaterThan(20)
  })

  it('refuses a bad argument in its own words before it needs Live', async () => {
    const result = await mcp.call('ableton_mute_track', { track: true })
    expect(result.isError).toBe(true)
    expect(mcp.text(result)).toMatchInlineSnapshot(`
      "Invalid argument: track true is not valid: expected a track index from 0, or "master" or "return/R" on the bridge.
      Fix track and call ableton_mute_track again."
    `)
  })
})

describe('abletonosc flavour with its tick', () => {
  let sim: Simulator
  let mcp: McpSession
  beforeAll(async () => {
    const replyPort = await freeUdpPort()
    sim = await createSimulator({ flavour: 'abletonosc', port: 0, replyPort, set: 'demo', tickMs: 10 })
    mcp = await startMcp(['--port', String(sim.port), '--reply-port', String(replyPort)], {
      ABLETON_OSC_HOST: '127.0.0.1',
    })
  })
  afterAll(async () => {
    await mcp?.close()
    await sim?.close()
  })

  it('sets the tempo and a volume through AbletonOSC addresses', async () => {
    expect(mcp.text(await mcp.call('ableton_set_tempo', { bpm: 90 }))).toBe('Tempo is now 90 BPM.')
    expect(sim.model.get('live_set', 'tempo')).toBe(90)
    await mcp.call('ableton_set_track_volume', { track: 0, volume_db: 0 })
    expect(sim.model.get('live_set tracks 0 mixer_device volume', 'value')).toBeCloseTo(0.85, 5)
  })

  it('reads the set at a glance without the bridge’s return tracks and master', async () => {
    const { set } = await mcp.data<{ set: Record<string, unknown> }>('ableton_read')
    expect((set.tracks as unknown[]).length).toBe(5)
    expect([set.returns, set.master]).toEqual([undefined, undefined])
    const master = await mcp.call('ableton_set_track_volume', { track: 'master', volume_db: -3 })
    expect(master.isError).toBe(true)
    expect(mcp.text(master)).toMatch(/^Not possible with this server: /)
  })
})
