import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createClient } from '@live/client'
import { testUdp } from '@live/test-utils'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, type TestBrowser } from './launchChromium.js'
import { startTestSurface, type TestSurface } from './surfaceHarness.js'

/** Screenshots of every run, for people to look at (gitignored). */
const artifacts = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test-artifacts')
mkdirSync(artifacts, { recursive: true })

/** Waits on the DOM and the simulator, never on time: a loaded CI machine gets room, not sleeps. */
const slow = { timeout: 15_000 }

describe('the surface in Chromium, against the simulator', () => {
  let chromium: TestBrowser
  let browser: Browser
  let t: TestSurface
  let page: Page

  beforeAll(async () => {
    chromium = await launchChromium()
    browser = chromium.browser
    t = await startTestSurface('bridge')
    page = await browser.newPage({ viewport: { width: 1280, height: 820 } })
    await page.goto(t.surface.url)
  }, 60_000)
  afterAll(async () => {
    await chromium?.close()
    await t?.close()
  })

  const model = (object: string, property: string) => t.sim.model.get(object, property)
  const attr = (selector: string, name: string) => page.locator(selector).getAttribute(name)
  const show = (view: 'session' | 'mixer' | 'devices') =>
    page.getByRole('link', { name: view[0]!.toUpperCase() + view.slice(1) }).click()

  it('shows the set: the connection, tracks, clips with their names and colours, scenes, and the transport', async () => {
    await expect.poll(() => attr('[data-live]', 'data-live'), slow).toBe('connected')
    expect(await page.locator('[role=status]').textContent()).toBe('Live: bridge')
    expect(await page.locator('[data-track-head]').allTextContents()).toEqual(['Drums', 'Bass', 'Keys', 'Pad', 'FX'])
    expect(await page.locator('[data-clip="0:1"]').textContent()).toBe('Beat A')
    expect(await attr('[data-clip="0:1"]', 'data-state')).toBe('stopped')
    expect(await attr('[data-clip="0:0"]', 'data-state')).toBe('empty')
    expect(await page.locator('[data-clip="0:1"]').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      'rgb(255, 54, 54)',
    )
    expect(await page.locator('[data-scene]').allTextContents()).toEqual([
      'Intro',
      'Verse',
      'Verse 2',
      'Build',
      'Drop',
      'Break',
      'Drop 2',
      'Outro',
    ])
    expect(await page.getByLabel('tempo (BPM)').inputValue()).toBe('124.00')
    expect(await page.locator('[data-position]').textContent()).toBe('1.1.1')
    await page.screenshot({ path: path.join(artifacts, 'session-stopped.png') })
  })

  it('launches a clip on click: triggered (blinking) until Live’s quantisation, then playing', async () => {
    await page.locator('[data-scene="0"]').click()
    await expect.poll(() => model('live_set tracks 2', 'playing_slot_index'), slow).toBe(0)
    await expect.poll(() => attr('[data-clip="2:0"]', 'data-state'), slow).toBe('playing')
    expect(model('live_set', 'is_playing')).toBe(true)
    // Live's launch quantisation at 4 bars, and the click early in a 4-bar block: the clip stays triggered for
    // 8 beats or more, whatever the load on the machine.
    t.sim.model.set('live_set', 'clip_trigger_quantization', 2)
    await expect.poll(() => (model('live_set', 'current_song_time') as number) % 16 < 8, slow).toBe(true)
    await page.locator('[data-clip="1:1"]').click()
    await expect.poll(() => model('live_set tracks 1', 'fired_slot_index'), slow).toBe(1)
    await expect.poll(() => attr('[data-clip="1:1"]', 'data-state'), slow).toBe('triggered')
    expect(await page.locator('[data-clip="1:1"]').evaluate((el) => getComputedStyle(el).animationName)).toBe('blink')
    await page.screenshot({ path: path.join(artifacts, 'session-triggered.png') })
    await expect.poll(() => attr('[data-clip="1:1"]', 'data-state'), slow).toBe('playing')
    expect(model('live_set tracks 1', 'playing_slot_index')).toBe(1)
    t.sim.model.set('live_set', 'clip_trigger_quantization', 4)
    await expect.poll(() => page.locator('[data-position]').textContent(), slow).not.toBe('1.1.1')
  })

  it('stops a track and all clips, with the stop buttons', async () => {
    await page.locator('[data-track-stop="2"]').click()
    await expect.poll(() => model('live_set tracks 2', 'playing_slot_index'), slow).toBe(-1)
    await expect.poll(() => attr('[data-clip="2:0"]', 'data-state'), slow).toBe('stopped')
    await page.locator('[data-stop-all]').click()
    await expect.poll(() => model('live_set tracks 1', 'playing_slot_index'), slow).toBe(-1)
    await expect.poll(() => attr('[data-clip="1:1"]', 'data-state'), slow).toBe('stopped')
  })

  it('drives the transport: stop, play, record, metronome, loop, tempo typed, nudged and tapped, signature', async () => {
    await page.getByRole('button', { name: 'stop', exact: true }).click()
    await expect.poll(() => model('live_set', 'is_playing'), slow).toBe(false)
    await expect.poll(() => attr('[aria-label="play"]', 'aria-pressed'), slow).toBe('false')
    await page.getByRole('button', { name: 'play', exact: true }).click()
    await expect.poll(() => model('live_set', 'is_playing'), slow).toBe(true)
    await expect.poll(() => attr('[aria-label="play"]', 'aria-pressed'), slow).toBe('true')
    for (const [label, property] of [
      ['metronome', 'metronome'],
      ['loop', 'loop'],
      ['session record', 'session_record'],
    ] as const) {
      const before = model('live_set', property)
      await page.getByRole('button', { name: label, exact: true }).click()
      await expect.poll(() => model('live_set', property), slow).toBe(!before)
      await expect.poll(() => attr(`[aria-label="${label}"]`, 'aria-pressed'), slow).toBe(String(!before))
    }
    await page.getByRole('button', { name: 'session record', exact: true }).click()
    await expect.poll(() => model('live_set', 'session_record'), slow).toBe(false)
    const tempo = page.getByLabel('tempo (BPM)')
    await tempo.fill('128.5')
    await tempo.press('Enter')
    await expect.poll(() => model('live_set', 'tempo'), slow).toBe(128.5)
    await page.getByRole('button', { name: 'tempo up 1 BPM' }).click()
    await expect.poll(() => model('live_set', 'tempo'), slow).toBe(129.5)
    await page.getByRole('button', { name: 'tempo down 1 BPM' }).click()
    await page.getByRole('button', { name: 'tempo down 1 BPM' }).click()
    await expect.poll(() => model('live_set', 'tempo'), slow).toBe(127.5)
    await expect.poll(() => tempo.inputValue(), slow).toBe('127.50')
    const taps = t.sim.receivedDatagrams
    await page.getByRole('button', { name: 'Tap', exact: true }).click()
    await expect.poll(() => t.sim.receivedDatagrams, slow).toBeGreaterThan(taps)
    await page.getByLabel('time signature numerator').selectOption('3')
    await expect.poll(() => model('live_set', 'signature_numerator'), slow).toBe(3)
    await page.getByLabel('time signature denominator').selectOption('8')
    await expect.poll(() => model('live_set', 'signature_denominator'), slow).toBe(8)
    await page.getByLabel('time signature numerator').selectOption('4')
    await page.getByLabel('time signature denominator').selectOption('4')
    await expect.poll(() => model('live_set', 'signature_denominator'), slow).toBe(4)
    await page.getByRole('button', { name: 'stop', exact: true }).click()
    await expect.poll(() => model('live_set', 'is_playing'), slow).toBe(false)
  })

  it('shows a tempo set by another client', async () => {
    const other = createClient({ transport: testUdp('bridge', t.sim.port, 0) })
    try {
      await other.song.tempo.set(99.5)
      await expect.poll(() => page.getByLabel('tempo (BPM)').inputValue(), slow).toBe('99.50')
    } finally {
      await other.close()
    }
  })

  it('moves Live’s fader while a finger drags it, and shows Live’s dB', async () => {
    await show('mixer')
    const fader = page.getByRole('slider', { name: 'Drums volume' })
    const box = (await fader.boundingBox())!
    const x = box.x + box.width / 2
    const y = box.y + box.height / 2
    await page.mouse.move(x, y)
    await page.mouse.down()
    for (let step = 1; step <= 8; step++) await page.mouse.move(x, y + step * 10)
    await page.mouse.up()
    await expect.poll(() => model('live_set tracks 0 mixer_device volume', 'value'), slow).toBeLessThan(0.8)
    const volume = model('live_set tracks 0 mixer_device volume', 'value') as number
    expect(volume).toBeGreaterThan(0.4)
    await expect.poll(async () => Number(await fader.getAttribute('aria-valuenow')), slow).toBeCloseTo(volume, 3)
    expect(await page.locator('[data-strip="track:0"] .db').textContent()).toMatch(/^-\d+\.\d dB$/)
    // A double tap puts it back to 0 dB.
    await fader.dblclick()
    await expect.poll(() => model('live_set tracks 0 mixer_device volume', 'value'), slow).toBeCloseTo(0.85, 5)
    await expect.poll(() => page.locator('[data-strip="track:0"] .db').textContent(), slow).toBe('0.0 dB')
  })

  it('turns pan and sends, and switches mute, solo and arm, on tracks, returns and the master', async () => {
    const pan = page.getByRole('slider', { name: 'Bass pan' })
    await pan.focus()
    await pan.press('ArrowRight')
    await expect.poll(() => model('live_set tracks 1 mixer_device panning', 'value'), slow).toBeCloseTo(0.02, 5)
    await expect.poll(() => pan.getAttribute('aria-valuetext'), slow).toBe('1R')
    const send = page.getByRole('slider', { name: 'Keys send B' })
    const sendBefore = model('live_set tracks 2 mixer_device sends 1', 'value') as number
    await send.focus()
    for (let i = 0; i < 5; i++) await send.press('ArrowUp')
    await expect
      .poll(() => model('live_set tracks 2 mixer_device sends 1', 'value'), slow)
      .toBeCloseTo(sendBefore + 0.05, 5)
    await page.getByRole('button', { name: 'Keys on (unmuted)' }).click()
    await expect.poll(() => model('live_set tracks 2', 'mute'), slow).toBe(true)
    await page.getByRole('button', { name: 'Pad solo' }).click()
    await expect.poll(() => model('live_set tracks 3', 'solo'), slow).toBe(true)
    await page.getByRole('button', { name: 'FX arm' }).click()
    await expect.poll(() => model('live_set tracks 4', 'arm'), slow).toBe(true)
    await page.getByRole('button', { name: 'A-Reverb on (unmuted)' }).click()
    await expect.poll(() => model('live_set return_tracks 0', 'mute'), slow).toBe(true)
    const master = page.getByRole('slider', { name: 'Main volume' })
    await master.focus()
    await master.press('ArrowDown')
    await expect.poll(() => model('live_set master_track mixer_device volume', 'value'), slow).toBeCloseTo(0.84, 5)
    await expect.poll(() => attr('[aria-label="Keys on (unmuted)"]', 'aria-pressed'), slow).toBe('false')
    await page.screenshot({ path: path.join(artifacts, 'mixer.png') })
    for (const name of ['Keys on (unmuted)', 'Pad solo', 'FX arm', 'A-Reverb on (unmuted)']) {
      await page.getByRole('button', { name }).click()
    }
    await expect.poll(() => model('live_set return_tracks 0', 'mute'), slow).toBe(false)
    await expect.poll(() => model('live_set tracks 4', 'arm'), slow).toBe(false)
  })

  it('shows and edits the devices of the selected track, by parameter name with Live’s text', async () => {
    await show('devices')
    await page.getByRole('navigation', { name: 'select a track' }).getByRole('button', { name: 'Bass' }).click()
    await expect.poll(() => page.locator('[data-device="0"] h3').textContent(), slow).toBe('Sub Bass Operator')
    const freq = page.getByRole('slider', { name: 'Auto Filter Frequency' })
    await freq.focus()
    await freq.press('ArrowUp')
    const params = t.surface.mirror.store.get('d.1.params') as { name: string }[]
    const p = params.findIndex((info) => info.name === 'Frequency')
    const before = 0.7
    await expect
      .poll(() => model(`live_set tracks 1 devices 1 parameters ${p}`, 'value'), slow)
      .toBeCloseTo(before + 0.01, 5)
    await expect.poll(() => page.locator(`[data-param="1:${p}"] output`).textContent(), slow).toMatch(/^\d.* (k?Hz)$/)
    await page.screenshot({ path: path.join(artifacts, 'devices.png') })
    await show('session')
    expect(await attr('[data-track-head="1"]', 'aria-pressed')).toBe('true')
  })

  it('keeps two pages in sync', async () => {
    const second = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    try {
      await second.goto(`${t.surface.url}#mixer`)
      await expect.poll(() => second.locator('[data-live]').getAttribute('data-live'), slow).toBe('connected')
      await show('mixer')
      await page.getByRole('button', { name: 'Drums solo' }).click()
      await expect
        .poll(() => second.locator('[aria-label="Drums solo"]').getAttribute('aria-pressed'), slow)
        .toBe('true')
      await second.getByRole('button', { name: 'Drums solo' }).tap()
      await expect.poll(() => attr('[aria-label="Drums solo"]', 'aria-pressed'), slow).toBe('false')
      expect(model('live_set tracks 0', 'solo')).toBe(false)
      await second.goto(`${t.surface.url}#session`)
      await second.locator('[data-clip="3:0"]').waitFor()
      await second.screenshot({ path: path.join(artifacts, 'phone-session.png') })
    } finally {
      await second.close()
    }
    await show('session')
  })

  it('recovers by itself when the simulator restarts', async () => {
    await t.sim.close()
    await expect.poll(() => attr('[data-live]', 'data-live'), slow).toBe('lost')
    expect(await page.locator('[role=status]').textContent()).toBe('Live is not answering…')
    await page.screenshot({ path: path.join(artifacts, 'live-lost.png') })
    const fresh = await t.restartSim()
    await expect.poll(() => attr('[data-live]', 'data-live'), slow).toBe('connected')
    fresh.model.set('live_set tracks 4', 'name', 'Noise')
    await expect.poll(() => page.locator('[data-track-head="4"]').textContent(), slow).toBe('Noise')
    await page.locator('[data-clip="3:0"]').click()
    await expect.poll(() => fresh.model.get('live_set tracks 3', 'playing_slot_index'), slow).toBe(0)
  })

  it('follows the set when tracks are added and deleted', async () => {
    t.sim.model.call('live_set', 'create_audio_track', [-1])
    await expect.poll(() => page.locator('[data-track-head]').count(), slow).toBe(6)
    expect(await page.locator('[data-track-head="5"]').textContent()).toBe('6-Audio')
    t.sim.model.call('live_set', 'delete_track', [5])
    await expect.poll(() => page.locator('[data-track-head]').count(), slow).toBe(5)
  })

  it('says so when the page loses its server, and reconnects when it is back', async () => {
    const { port } = t.surface
    await t.restartSurface(async () => {
      await expect.poll(() => attr('[data-link]', 'data-link'), slow).toBe('closed')
      expect(await page.locator('[role=status]').textContent()).toBe('Surface offline, reconnecting…')
    })
    expect(t.surface.port).toBe(port)
    await expect.poll(() => attr('[data-link]', 'data-link'), slow).toBe('open')
    await expect.poll(() => attr('[data-live]', 'data-live'), slow).toBe('connected')
    expect(await page.locator('[data-track-head]').allTextContents()).toEqual(['Drums', 'Bass', 'Keys', 'Pad', 'Noise'])
  })
})
