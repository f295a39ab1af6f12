import type { LiveClient } from '@live/client'
import { createClient } from '@live/client'
import { createSimulator } from '@live/simulator'
import { DEFAULT_HTTP_PORT, qrCode, startSurface } from '@live/surface'
import { udp } from '@live/transport-udp'
import { integerArg, noMore } from '../cli/args.js'
import type { CommandContext, CommandGroup } from '../cli/context.js'

/** The client of `--sim`: the bridge-flavour simulator with the demo set, in this process. */
async function simulatedClient(ctx: CommandContext): Promise<{ client: LiveClient; port: number }> {
  const sim = await createSimulator({ flavour: 'bridge', port: 0, set: 'demo' })
  const client = createClient({
    transport: udp({
      host: '127.0.0.1',
      port: sim.port,
      replyPort: 'source',
      replySharing: 'off',
      bindAddress: '127.0.0.1',
      env: {},
    }),
  })
  client.on('error', (error) => {
    if (ctx.env.LIVE_DEBUG) process.stderr.write(`@live/client: ${error.message}\n`)
  })
  ctx.defer(() => sim.close())
  ctx.defer(() => client.close())
  return { client, port: sim.port }
}

/** `live ui`: the web control surface, served until Ctrl-C. */
export const ui: CommandGroup = {
  async ui(ctx) {
    noMore(ctx.positionals, 0, ctx.usage)
    const httpText = ctx.flags.http as string | undefined
    const port = httpText === undefined ? DEFAULT_HTTP_PORT : integerArg(httpText, '--http', 0, 65535)
    const lan = ctx.flags.lan === true
    const simulated = ctx.flags.sim === true ? await simulatedClient(ctx) : undefined
    const client = simulated?.client ?? (await ctx.client())
    const debug = ctx.env.LIVE_DEBUG ? (line: string) => process.stderr.write(`live ui: ${line}\n`) : undefined
    const surface = await startSurface({ client, port, lan, log: debug })
    const { out } = ctx
    const { c } = out
    const target = simulated
      ? `a simulated Live set (demo, bridge flavour, port ${simulated.port})`
      : `Live at ${ctx.connection.host}:${ctx.connection.port}`
    if (out.json) {
      const info = { url: surface.url, lanUrls: surface.lanUrls, port: surface.port, live: target }
      process.stdout.write(`${JSON.stringify(simulated ? { ...info, simPort: simulated.port } : info)}\n`)
    } else {
      out.line(
        `${c.bold('live ui')}: open ${c.cyan(surface.url)} ${c.dim(`(the surface for ${target}; Ctrl-C stops it)`)}`,
      )
      if (lan) {
        if (surface.lanUrls.length === 0) {
          out.line(c.yellow('No network address found: this machine seems to have no network but loopback.'))
        } else {
          out.line('On a tablet or phone on the same network, open (or scan):')
          for (const url of surface.lanUrls) out.line(`  ${c.cyan(url)}`)
          out.line(qrCode(surface.lanUrls[0]!))
          out.line(c.dim('The address carries a token: anyone with it can play this set. Each start makes a new one.'))
        }
      }
    }
    await new Promise<void>((resolve) => {
      if (ctx.signal.aborted) resolve()
      ctx.signal.addEventListener('abort', () => resolve(), { once: true })
    })
    await surface.close()
    out.note('live ui: stopped')
  },
}
