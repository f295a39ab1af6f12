import { isLiveError } from '@live/protocol'
import type { CommandGroup } from '../cli/context.js'
import { usageError } from '../cli/exitCodes.js'

/** `live sim`: the simulator, with live-sim's flags (its parser is reused). */
export const sim: CommandGroup = {
  async sim(ctx) {
    const { createSimulator, consoleLogger, loadLiveSetFile, parseSimulatorArgs } = await import('@live/simulator')
    const raw = (ctx as unknown as { rawArgs: readonly string[] }).rawArgs.filter(
      (a) => a !== '--json' && a !== '--no-color',
    )
    let command: ReturnType<typeof parseSimulatorArgs>
    try {
      command = parseSimulatorArgs(raw, ctx.env)
    } catch (error) {
      throw isLiveError(error)
        ? usageError(`sim: ${error.shortMessage}`, 'Run `live sim --help` for its flags.')
        : error
    }
    if (command.kind === 'help') return
    const set = 'name' in command.set ? command.set.name : await loadLiveSetFile(command.set.file)
    const simulator = await createSimulator({
      flavour: command.flavour,
      host: command.host,
      port: command.port,
      replyPort: command.replyPort,
      tickMs: command.tickMs,
      set,
      logger: consoleLogger({ verbose: command.verbose }),
    })
    const tracks = simulator.model.getCount('live_set', 'tracks')
    const scenes = simulator.model.getCount('live_set', 'scenes')
    const info = {
      flavour: command.flavour,
      host: simulator.host,
      port: simulator.port,
      replyPort: command.flavour === 'abletonosc' ? command.replyPort : 'source',
      tracks,
      scenes,
    }
    if (ctx.out.json) process.stdout.write(`${JSON.stringify(info)}\n`)
    else {
      const replies =
        command.flavour === 'abletonosc' ? `replies to port ${command.replyPort}` : "replies to each sender's port"
      ctx.out.line(
        `live sim (${command.flavour}) listening on ${simulator.host}:${simulator.port}, ${replies}; ${tracks} tracks, ${scenes} scenes. Ctrl-C stops it.`,
      )
    }
    await new Promise<void>((resolve) => {
      if (ctx.signal.aborted) resolve()
      ctx.signal.addEventListener('abort', () => resolve(), { once: true })
    })
    await simulator.close()
    ctx.out.note('live sim: stopped')
  },
}
