import { createSocket } from 'node:dgram'
import { createClient, type LiveClient } from '@live/client'
import { volumeToDb } from '@live/protocol'
import { createSimulator } from '@live/simulator'
import { udp } from '@live/transport-udp'
import { choiceArg } from '../cli/args.js'
import { commandTable } from '../cli/commandTable.js'
import type { CommandGroup } from '../cli/context.js'
import { runDemoScript } from '../demo/demoScript.js'
import { barBeat, type DemoState, renderDemo } from '../demo/demoView.js'

/** A free UDP port for the abletonosc flavour's replies (so a real Live's 11001 is never touched). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4')
    socket.once('error', reject)
    socket.bind(0, '127.0.0.1', () => {
      const { port } = socket.address()
      socket.close(() => resolve(port))
    })
  })
}

async function poll(live: LiveClient, state: DemoState, clips: readonly (readonly (string | null)[])[]) {
  await Promise.all(
    state.tracks.map(async (track, t) => {
      const [slot, volume, meter] = await Promise.all([
        live.track(t).playingSlotIndex.get(),
        live.track(t).volume.get(),
        live.track(t).outputMeterLevel.get(),
      ])
      track.clip = slot >= 0 ? (clips[t]?.[slot] ?? `slot ${slot}`) : null
      track.volumeDb = volumeToDb(volume)
      track.meter = meter
    }),
  )
}

/** `live demo`: an embedded simulator with the demo set, and a short performance against it. */
export const demo: CommandGroup = {
  async demo(ctx) {
    const fast = ctx.flags.fast === true
    const flavour = choiceArg(
      (ctx.flags.flavour as string | undefined) ?? 'bridge',
      '--flavour',
      commandTable.demo.flags.flavour.choices,
    )
    const replyPort = flavour === 'abletonosc' ? await freePort() : undefined
    const sim = await createSimulator({
      flavour,
      port: 0,
      set: 'demo',
      ...(replyPort === undefined ? {} : { replyPort }),
    })
    ctx.defer(() => sim.close())
    const live = createClient({
      transport: udp({
        host: '127.0.0.1',
        port: sim.port,
        replyPort: replyPort ?? 'source',
        replySharing: 'off',
        bindAddress: '127.0.0.1',
        env: {},
      }),
    })
    ctx.defer(() => live.close())
    const { out } = ctx
    const { c } = out

    const trackCount = await live.song.numTracks.get()
    const sceneCount = await live.song.numScenes.get()
    const trackNames = await Promise.all(Array.from({ length: trackCount }, (_, t) => live.track(t).name.get()))
    const scenes = await Promise.all(Array.from({ length: sceneCount }, (_, s) => live.scene(s).name.get()))
    const clips = await Promise.all(
      Array.from(
        { length: trackCount },
        async (_, t) => (await live.track(t).clipsName.get()) as unknown as (string | null)[],
      ),
    )
    const tempo = fast ? 600 : 124
    const state: DemoState = {
      tempo,
      beat: -1,
      section: 'starting',
      tracks: trackNames.map((name) => ({ name, clip: null, volumeDb: 0, meter: 0 })),
      events: [],
    }
    const events: { beat: number; text: string }[] = []
    out.line(
      `${c.bold('live demo')}: a simulated Live set (${sim.flavour} flavour, port ${sim.port}) played through the real client. ${c.dim('Ctrl-C stops it.')}`,
    )
    // Live's beat drives the demo, as it drives perform(): never the demo's own clock.
    const { followBeats } = await import('@live/workflows')
    const clock = followBeats(live, -1)
    ctx.defer(async () => {
      clock.stop()
      await new Promise((resolve) => setTimeout(resolve, 20))
    })
    const live_ = out.isTTY
    let drawn = 0
    const draw = () => {
      const lines = renderDemo(state, c)
      const up = drawn > 0 ? `\u001b[${drawn}F` : ''
      process.stdout.write(`${up}${lines.map((l) => `\u001b[2K${l}`).join('\n')}\n`)
      drawn = lines.length
    }
    clock.onBeat((beat) => {
      state.beat = beat
    })
    const hooks = {
      event(text: string) {
        const stamped = `${barBeat(Math.max(0, state.beat)).padStart(5)}  ${text}`
        events.push({ beat: state.beat, text })
        state.events.push(stamped)
        if (!live_) out.line(stamped)
      },
      section(name: string) {
        state.section = name
      },
    }
    let timer: NodeJS.Timeout | undefined
    let polling = false
    if (live_) {
      process.stdout.write('\u001b[?25l')
      ctx.defer(() => void process.stdout.write('\u001b[?25h'))
      timer = setInterval(() => {
        if (polling) return
        polling = true
        poll(live, state, clips)
          .then(draw, () => {})
          .finally(() => {
            polling = false
          })
      }, 80)
      ctx.defer(() => clearInterval(timer))
    }
    let result: { launches: number; bars: number }
    try {
      result = await runDemoScript({
        live,
        clock,
        signal: ctx.signal,
        hooks,
        tempo,
        barsPerSection: fast ? 1 : 2,
        scenes,
        clips,
        trackNames,
      })
    } finally {
      if (timer !== undefined) clearInterval(timer)
      if (live_) {
        await poll(live, state, clips).catch(() => {})
        draw()
      }
    }
    if (ctx.signal.aborted) return 130
    out.result(
      [
        '',
        `${c.green('✔')} That was ${result.bars} bars and ${result.launches} launches, every one a real OSC message to a simulated Live.`,
        `Next: ${c.cyan('pnpm live sim --set demo')} in one terminal, ${c.cyan('pnpm live tracks')} or ${c.cyan('pnpm live watch beat')} in another.`,
        `With Live and AbletonOSC running: ${c.cyan('pnpm live doctor')}.`,
      ].join('\n'),
      { flavour: sim.flavour, tempo, ...result, events },
    )
  },
}
