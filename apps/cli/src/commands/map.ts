import { existsSync } from 'node:fs'
import { LiveError } from '@live/protocol'
import type { MidiInputPort, MidiMap, MidiOutputPort } from '@live/workflows'
import { choiceArg, noMore, required } from '../cli/args.js'
import { commandTable } from '../cli/commandTable.js'
import type { CommandContext, CommandGroup } from '../cli/context.js'
import { usageError } from '../cli/exitCodes.js'
import { table } from '../cli/output.js'
import { portArg, readStdinLines, type StdinLines } from './mapInput.js'
import { describeMap, eventLine, liveTable } from './mapView.js'

/** A mapping file, or a built-in preset by name. */
async function loadMap(what: string): Promise<{ map: MidiMap; from: string }> {
  const workflows = await import('@live/workflows')
  const preset = workflows.MIDI_MAP_PRESETS[what]
  if (!existsSync(what) && preset !== undefined)
    return { map: workflows.checkMidiMap(preset.map, what), from: `preset ${what}` }
  const { loadMidiMapFile } = await import('@live/workflows/node')
  try {
    return { map: await loadMidiMapFile(what), from: what }
  } catch (error) {
    if (error instanceof LiveError && error.code === 'FILE_FAILED' && !existsSync(what)) {
      throw new LiveError('FILE_FAILED', `no mapping file "${what}" and no preset of that name`, {
        metaMessages: [`Presets: ${Object.keys(workflows.MIDI_MAP_PRESETS).join(', ')} (\`live map presets\`).`],
      })
    }
    throw error
  }
}

/** The ports a run reads and writes: stdin, named or indexed ports, virtual ports, or the controller's own. */
async function openPorts(ctx: CommandContext, map: MidiMap | undefined, stdin: () => StdinLines) {
  const inText = ctx.flags.in as string | undefined
  const outText = ctx.flags.out as string | undefined
  const virtual = ctx.flags.virtual as string | undefined
  if (virtual !== undefined && (inText !== undefined || outText !== undefined)) {
    throw usageError('--virtual creates both ports: give it alone, or --in and --out')
  }
  if (inText === 'stdin') {
    // Feedback as text: what the controller would be sent.
    const output: MidiOutputPort = {
      name: 'stdout',
      send: (bytes) => ctx.out.line(`→ ${bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ')}`),
      close() {},
    }
    return { input: stdin().port, output: outText === undefined ? output : undefined }
  }
  const node = await import('@live/workflows/node')
  if (virtual !== undefined) {
    const input = await node.openVirtualInput(virtual)
    return { input, output: await node.openVirtualOutput(virtual) }
  }
  // Without --in, the port named like the controller (`nanoKONTROL2`), else the first.
  let wanted = portArg(inText)
  if (wanted === undefined && map?.controller !== undefined) {
    const inputs = await node.listMidiInputs()
    const word = map.controller.split(/\s+/).at(-1)!.toLowerCase()
    wanted = inputs.find((n) => n.toLowerCase().includes(word))
  }
  const input: MidiInputPort = await node.openMidiInput(wanted)
  const outputs = await node.listMidiOutputs()
  const outWanted = portArg(outText) ?? outputs.find((n) => n === input.name)
  const output = outWanted === undefined ? undefined : await node.openMidiOutput(outWanted)
  return { input, output }
}

async function presetsCommand(ctx: CommandContext): Promise<void> {
  const { MIDI_MAP_PRESETS, checkMidiMap } = await import('@live/workflows')
  const name = ctx.positionals[1]
  noMore(ctx.positionals, 2, ctx.usage)
  if (name !== undefined) {
    const preset = MIDI_MAP_PRESETS[name]
    if (preset === undefined) {
      throw new LiveError('NOT_FOUND', `no preset "${name}"`, {
        metaMessages: [`Presets: ${Object.keys(MIDI_MAP_PRESETS).join(', ')}.`],
      })
    }
    // The file as it would be saved: `live map presets nanokontrol2 > my-map.json`, then edit it.
    process.stdout.write(`${JSON.stringify(checkMidiMap(preset.map), null, 2)}\n`)
    return
  }
  const list = Object.values(MIDI_MAP_PRESETS).map((p) => {
    const map = checkMidiMap(p.map)
    return { name: p.name, controller: map.controller, lines: map.mappings.length, title: map.name, source: map.source }
  })
  ctx.out.result(
    () =>
      `${table(
        ['preset', 'controller', 'lines', 'what'],
        list.map((p) => [p.name, p.controller ?? '', String(p.lines), p.title ?? '']),
        ctx.out.c,
      )}\n\nRun one: live map NAME [--in PORT]. Copy one to edit: live map presets NAME > my-map.json`,
    { presets: list },
  )
}

async function runMap(ctx: CommandContext, what: string): Promise<void> {
  const { map, from } = await loadMap(what)
  const workflows = await import('@live/workflows')
  if (ctx.flags.native === true) {
    const dryRun = ctx.flags['dry-run'] === true
    const plan = dryRun
      ? workflows.planNativeMapping(map)
      : await workflows.installNativeMapping(await ctx.client(), map, {}, { signal: ctx.signal })
    ctx.out.result(
      () =>
        [
          `${dryRun ? 'would map' : 'mapped'} ${plan.native.length} of ${map.mappings.length} lines of ${from} in Live itself:`,
          ...plan.messages.map((m) => `  /live/midimap/map_cc ${m.args.join(' ')}   ${m.note ?? ''}`),
          ...(plan.skipped.length > 0
            ? [
                `not native (run \`live map ${what}\` for these):`,
                ...plan.skipped.map((s) => `  ${s.name}: ${s.reason}`),
              ]
            : []),
          ...plan.notes.map((n) => `note: ${n}`),
        ].join('\n'),
      { native: plan.native, skipped: plan.skipped, messages: plan.messages, dryRun },
    )
    return
  }
  if (ctx.flags['dry-run'] === true) {
    const rows = describeMap(map, workflows.describeControl)
    ctx.out.result(
      () =>
        [
          `${map.name ?? from}: ${map.mappings.length} lines${map.banks ? `, banks of ${map.banks.tracks ?? 8} tracks / ${map.banks.scenes ?? 8} scenes` : ''}${(map.pages ?? 1) > 1 ? `, ${map.pages} pages` : ''}`,
          table(['#', 'name', 'control', 'target (bank 0)', 'page'], rows, ctx.out.c),
          'Nothing was sent (dry run); run it without --dry-run to start.',
        ].join('\n'),
      { map, from },
    )
    return
  }
  let stdin: StdinLines | undefined
  const ports = await openPorts(ctx, map, () => (stdin ??= readStdinLines()))
  ctx.defer(() => {
    ports.input.close()
    ports.output?.close()
    stdin?.close()
  })
  const live = await ctx.client()
  let view: ReturnType<typeof liveTable> | undefined
  const mapping = await workflows.startMapping(
    live,
    {
      map,
      input: ports.input,
      output: ports.output,
      onEvent(event) {
        if (ctx.out.isTTY) return view?.update()
        const line = eventLine(event)
        if (line !== undefined) ctx.out.line(line)
      },
    },
    { signal: ctx.signal },
  )
  if (ctx.out.isTTY) view = liveTable(ctx.out, mapping)
  ctx.out.note(
    `mapping ${from} (${map.mappings.length} lines): in ${ports.input.name}${ports.output ? `, feedback to ${ports.output.name}` : ''}; Ctrl-C stops`,
  )
  view?.update()
  await Promise.race([mapping.stopped, stdin?.ended.then(() => mapping.stop())])
  const summary = await mapping.stop()
  view?.stop()
  ctx.out.result(
    `stopped: ${summary.messages} MIDI messages, ${summary.moved} values set, ${summary.fired} buttons fired${summary.errors > 0 ? `, ${summary.errors} problems` : ''}`,
    { from, ...summary },
  )
}

async function learnCommand(ctx: CommandContext): Promise<void> {
  const file = required(ctx.positionals, 1, 'the mapping file to write', ctx.usage)
  noMore(ctx.positionals, 2, ctx.usage)
  const workflows = await import('@live/workflows')
  const node = await import('@live/workflows/node')
  let map: MidiMap | undefined = existsSync(file) ? await node.loadMidiMapFile(file) : undefined
  const stdin = readStdinLines()
  ctx.defer(() => stdin.close())
  const { input } = await openPorts(ctx, map, () => stdin)
  ctx.defer(() => input.close())
  let added = 0
  for (;;) {
    ctx.out.note('Move a control on the controller (Ctrl-C or end of input to finish)…')
    // At the end of input, a control already moving still gets its look (the learn window is shorter).
    const ended = stdin.ended.then(() => new Promise<undefined>((resolve) => setTimeout(resolve, 400)))
    const learned = await Promise.race([workflows.learnControl(input, { signal: ctx.signal }), ended])
    if (learned === undefined) break
    ctx.out.note(`got ${learned.description}. Target? (${workflows.TARGET_WORDS.slice(0, 5).join(', ')}…; empty skips)`)
    const answer = await stdin.next()
    if (answer === undefined) break
    if (answer.trim() === '') continue
    let target: ReturnType<typeof workflows.targetFromWords>
    try {
      target = workflows.targetFromWords(answer)
    } catch (error) {
      if (error instanceof LiveError) ctx.out.note(`${error.shortMessage}\n  ${error.metaMessages.join('\n  ')}`)
      continue
    }
    const next = workflows.addMapping(map, { control: learned.control, target })
    await node.saveMidiMapFile(file, next)
    map = workflows.checkMidiMap(next, file)
    added++
    ctx.out.line(`${learned.description} → ${answer.trim()}  (saved to ${file}, ${map.mappings.length} lines)`)
  }
  ctx.out.result(`learned ${added} control(s) into ${file}`, { file, added, lines: map?.mappings.length ?? 0 })
}

/** `live map` (run, learn, presets) and `live midi ports`. */
export const mapCommands: CommandGroup = {
  async map(ctx) {
    const what = required(ctx.positionals, 0, 'a mapping file or preset name', ctx.usage)
    const [learn, presets] = commandTable.map.words.action
    if (what === presets) return presetsCommand(ctx)
    if (what === learn) return learnCommand(ctx)
    noMore(ctx.positionals, 1, ctx.usage)
    return runMap(ctx, what)
  },

  async midi(ctx) {
    choiceArg(required(ctx.positionals, 0, '"ports"', ctx.usage), 'midi command', commandTable.midi.words.action)
    noMore(ctx.positionals, 1, ctx.usage)
    const { listMidiPorts } = await import('@live/workflows/node')
    const ports = await listMidiPorts()
    ctx.out.result(
      () =>
        [
          `inputs:${ports.inputs.length === 0 ? ' none' : ''}`,
          ...ports.inputs.map((n, i) => `  ${i}  ${n}`),
          `outputs:${ports.outputs.length === 0 ? ' none' : ''}`,
          ...ports.outputs.map((n, i) => `  ${i}  ${n}`),
        ].join('\n'),
      ports,
    )
  },
}
