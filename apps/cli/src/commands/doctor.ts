import { createSocket } from 'node:dgram'
import type { LiveClient } from '@live/client'
import { isLiveError } from '@live/protocol'
import type { UdpTransport } from '@live/transport-udp'
import type { CommandContext, CommandGroup } from '../cli/context.js'
import { ExitCode } from '../cli/exitCodes.js'

/** One check of `live doctor`. */
interface Check {
  name: string
  ok: boolean
  detail: string
  fix?: string | undefined
}

/** Tries to bind the reply port: free, or held (by one of ours sharing it, or by another program). */
function probePort(port: number): Promise<'free' | 'taken'> {
  return new Promise((resolve) => {
    const socket = createSocket({ type: 'udp4' })
    socket.once('error', () => {
      socket.close()
      resolve('taken')
    })
    socket.bind(port, '0.0.0.0', () => socket.close(() => resolve('free')))
  })
}

const reasonOf = (error: unknown) => (isLiveError(error) ? `${error.code}: ${error.shortMessage}` : String(error))

async function run(ctx: CommandContext, checks: Check[]): Promise<void> {
  const { host, port } = ctx.connection
  const replyPort = ctx.connection.replyPort ?? 11001
  if (replyPort !== 'source') {
    const state = await probePort(replyPort)
    checks.push({
      name: 'reply port',
      ok: true,
      detail:
        state === 'free'
          ? `port ${replyPort} is free: this process will hold it`
          : `port ${replyPort} is in use: another program holds it (a @live process shares it; anything else blocks replies)`,
    })
  }
  let live: LiveClient
  try {
    live = await ctx.client()
    await live.open({ signal: ctx.signal })
    const role = (live.transport as UdpTransport).replyRole
    checks.push({
      name: 'reply role',
      ok: true,
      detail: {
        hub: `holding reply port ${replyPort} and sharing it with other @live processes`,
        member: `receiving replies through another @live process that holds port ${replyPort}`,
        exclusive: `holding reply port ${replyPort} alone`,
        source: "receiving replies on the request's own port (bridge)",
        'handing-over': 'taking over the reply port',
        closed: 'closed',
      }[role],
    })
  } catch (error) {
    checks.push({
      name: 'reply role',
      ok: false,
      detail: reasonOf(error),
      fix: 'Close the program holding the reply port (another OSC tool), or use the bridge: --reply-port source.',
    })
    return
  }
  try {
    const ms = await live.ping({ signal: ctx.signal })
    checks.push({ name: '/live/test', ok: true, detail: `${host}:${port} answers, round trip ${ms} ms` })
  } catch (error) {
    checks.push({
      name: '/live/test',
      ok: false,
      detail: `no answer from ${host}:${port} (${reasonOf(error)})`,
      fix: 'Is Live running with AbletonOSC selected as a Control Surface (Preferences > Link, Tempo & MIDI)? Or start one: live sim. Check --host/--port and ABLETON_OSC_HOST/ABLETON_OSC_PORT.',
    })
    return
  }
  try {
    const info = await live.detect({ signal: ctx.signal })
    const server =
      info.simulator !== undefined
        ? `simulator ${info.simulator.version} (${info.simulator.flavour} flavour)`
        : info.kind === 'bridge'
          ? `the bridge${info.version === undefined ? '' : ` ${info.version}`}`
          : 'AbletonOSC'
    checks.push({
      name: 'server',
      ok: true,
      detail: `${server}${info.liveVersion ? `, Live ${info.liveVersion}` : ''}`,
    })
  } catch (error) {
    checks.push({ name: 'server', ok: false, detail: reasonOf(error), fix: 'Update AbletonOSC to the latest version.' })
  }
  const samples: number[] = []
  for (let i = 0; i < 3; i++) samples.push(await live.ping({ signal: ctx.signal }))
  samples.sort((a, b) => a - b)
  checks.push({ name: 'latency', ok: true, detail: `median ${samples[1]} ms over 3 round trips` })
  const tempo = await new Promise<number | undefined>((resolve) => {
    const timer = setTimeout(() => {
      unwatch()
      resolve(undefined)
    }, ctx.connection.timeout * 2)
    const unwatch = live.song.tempo.watch({
      onValue: (value) => {
        clearTimeout(timer)
        unwatch()
        resolve(value)
      },
      onError: () => {
        clearTimeout(timer)
        resolve(undefined)
      },
    })
  })
  checks.push(
    tempo === undefined
      ? {
          name: 'listeners',
          ok: false,
          detail: 'start_listen/tempo sent, but no value came back',
          fix: 'Listener updates go to the last sender: another program talking to Live may be taking them. Close it and retry.',
        }
      : { name: 'listeners', ok: true, detail: `start_listen/tempo answered at once (${tempo} BPM)` },
  )
}

/** `live doctor`: what is wrong with the connection to Live, and how to fix it. */
export const doctor: CommandGroup = {
  async doctor(ctx) {
    if (ctx.flags.bridge === true) return (await import('./doctorBridge.js')).doctorBridge(ctx)
    const checks: Check[] = []
    await run(ctx, checks)
    const { c } = ctx.out
    const ok = checks.every((check) => check.ok)
    ctx.out.result(
      () =>
        [
          ...checks.flatMap((check) => [
            `${check.ok ? c.green('✔') : c.red('✖')} ${check.name.padEnd(11)} ${check.detail}`,
            ...(check.fix === undefined ? [] : [`  ${c.yellow('→')} ${check.fix}`]),
          ]),
          ok ? c.green('All good.') : c.red('Something is wrong: see the arrows above.'),
        ].join('\n'),
      { ok, checks },
    )
    if (ok) return ExitCode.OK
    return checks.some((check) => check.name === '/live/test' && !check.ok) ? ExitCode.UNREACHABLE : ExitCode.FAILED
  },
}
