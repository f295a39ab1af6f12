import { isLiveError } from '@live/protocol'
import type { CommandGroup } from '../cli/context.js'
import { usageError } from '../cli/exitCodes.js'

/** `live sim`: the simulator, with live-sim's flags (its parser is reused). */
export const sim: CommandGroup = {
  async sim(ctx) {
    const { parseSimulatorArgs, startSimulatorCommand } = await import('@live/simulator')
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
    const { simulator, summary } = await startSimulatorCommand(command)
    if (ctx.out.json) {
      const { text: _text, ...info } = summary
      process.stdout.write(`${JSON.stringify(info)}\n`)
    } else ctx.out.line(`live sim ${summary.text}. Ctrl-C stops it.`)
    await new Promise<void>((resolve) => {
      if (ctx.signal.aborted) resolve()
      ctx.signal.addEventListener('abort', () => resolve(), { once: true })
    })
    await simulator.close()
    ctx.out.note('live sim: stopped')
  },
}
