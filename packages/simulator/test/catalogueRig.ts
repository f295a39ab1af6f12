import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type OscTestClient, openOscTestClient, type Received } from '@live/compliance'
import { type CatalogueEntry, catalogue, decodeReply, type OscValue } from '@live/protocol'
import { createVirtualClock } from '../src/clock/virtualClock.js'
import { newClipData } from '../src/model/clipSlot.js'
import type { LiveSetData } from '../src/model/schema.js'
import { createSimulator, type Simulator } from '../src/server/createSimulator.js'
import { emptyTrack } from '../src/sets/defaultSet.js'
import { demoSet } from '../src/sets/demoSet.js'
import { settle, waitUntil } from './udpHarness.js'

/** Where the test set keeps things: the demo set plus a group track holding an audio track with an audio clip. */
export const AT = {
  /** Drums: a MIDI track with a drum rack (device 0, chains) and clips in slots 1, 2, 3, 4, 6. */
  midiTrack: 0,
  midiClip: 1,
  /** A group track (index 5) holding the audio track (index 6). */
  groupTrack: 5,
  audioTrack: 6,
  audioClip: 0,
} as const

/** The demo set with a group track and, inside it, an audio track whose slot 0 holds an audio clip. */
export function catalogueTestSet(): LiveSetData {
  const set = demoSet()
  const scenes = set.scenes.length
  const group = emptyTrack('group', 'Group', 3, 0xf7f47c, scenes)
  const audio = emptyTrack('audio', 'Loops', 16, 0x99724b, scenes)
  audio.group = AT.groupTrack
  audio.clip_slots[AT.audioClip] = {
    clip: {
      ...newClipData('audio', 8, 'Break Loop'),
      file_path: '/samples/break.wav',
      gain: 0.4,
      pitch_coarse: 0,
      pitch_fine: 0,
      warping: true,
      warp_mode: 0,
      ram_mode: false,
      sample_length: 352800,
      sample_rate: 44100,
    },
    has_stop_button: true,
  }
  set.tracks.push(group, audio)
  return set
}

/** A simulator of one flavour serving {@link catalogueTestSet}, and a client that gets every reply. */
export interface CatalogueRig {
  readonly flavour: 'abletonosc' | 'bridge'
  readonly sim: Simulator
  readonly client: OscTestClient
  /** bridge flavour: the (temporary) export folder set in the simulated device. */
  readonly exportFolder: string | undefined
  /** Where `/live/song/export/structure` writes (a temporary folder, not the real temp dir). */
  readonly structureFolder: string
  /** Sends the messages in one batch (one tick), then `/live/test`; returns what arrived before its "ok". */
  exchange(messages: readonly Request[]): Promise<Received[]>
  /** Moves the virtual clock on by `ms` (engine time), in tick-sized steps, letting I/O happen. */
  advance(ms: number): Promise<void>
  close(): Promise<void>
}

/** One request: an address and its arguments (types inferred, or given). */
export interface Request {
  readonly address: string
  readonly args: readonly OscValue[]
  readonly types?: string | undefined
}

/** Starts a rig: abletonosc on a virtual clock (ticks advanced by the test), or bridge (handled on arrival). */
export async function startCatalogueRig(flavour: 'abletonosc' | 'bridge'): Promise<CatalogueRig> {
  const clock = createVirtualClock()
  const quiet = { info() {}, warn() {} }
  let sim: Simulator
  let client: OscTestClient
  let exportFolder: string | undefined
  const structureFolder = mkdtempSync(join(tmpdir(), 'live-catalogue-structure-'))
  if (flavour === 'abletonosc') {
    client = await openOscTestClient({ host: '127.0.0.1', port: 9 })
    sim = await createSimulator({
      port: 0,
      replyPort: client.port,
      clock,
      logger: quiet,
      set: catalogueTestSet(),
      structureFolder,
    })
    client.setServer('127.0.0.1', sim.port)
  } else {
    exportFolder = mkdtempSync(join(tmpdir(), 'live-catalogue-export-'))
    sim = await createSimulator({
      port: 0,
      flavour,
      clock,
      logger: quiet,
      set: catalogueTestSet(),
      exportFolder,
      structureFolder,
    })
    client = await openOscTestClient({ host: '127.0.0.1', port: sim.port })
  }
  const isOk = (m: Received) => m.address === '/live/test' && m.args[0] === 'ok'
  const tick = async () => {
    await settle()
    clock.advance(sim.tickMs)
    await settle()
  }
  return {
    flavour,
    sim,
    client,
    exportFolder,
    structureFolder,
    async exchange(messages) {
      const before = client.inbox.length
      // A batch larger than the socket buffers could lose datagrams: send in slices of 64.
      for (let i = 0; i < messages.length; i += 64) {
        const slice = messages.slice(i, i + 64)
        for (const m of slice) client.send({ address: m.address, args: m.args, ...(m.types ? { types: m.types } : {}) })
        if (flavour === 'abletonosc') {
          await waitUntil(() => sim.queuedDatagrams >= slice.length, `${slice.length} queued datagrams`)
          if (i + 64 < messages.length) await tick()
        }
      }
      client.send({ address: '/live/test', args: [] })
      let rounds = 0
      while (!client.inbox.slice(before).some(isOk)) {
        if (flavour === 'abletonosc') await tick()
        else await settle()
        if (++rounds > 1500) throw new Error(`no /live/test "ok" after a batch of ${messages.length}`)
      }
      const all = client.inbox.slice(before)
      const ok = all.findIndex(isOk)
      client.clear()
      return all.slice(0, ok)
    },
    async advance(ms) {
      for (let done = 0; done < ms; done += sim.tickMs) await tick()
    },
    async close() {
      await client.close()
      await sim.close()
      if (exportFolder !== undefined) rmSync(exportFolder, { recursive: true, force: true })
      rmSync(structureFolder, { recursive: true, force: true })
    },
  }
}

/** The catalogue entries a flavour answers: AbletonOSC's own, plus the extensions for the bridge. */
export function entriesOf(flavour: 'abletonosc' | 'bridge', kind: CatalogueEntry['kind']): CatalogueEntry[] {
  return catalogue.filter((e) => e.kind === kind && e.pseudo !== true && (flavour === 'bridge' || e.extension !== true))
}

/** The OSC tags a reply value of a catalogue type may carry. */
const TAGS: Record<string, string> = { int: 'ih', float: 'f', bool: 'TF', string: 's', any: 'ihfdsTFN' }

/**
 * Checks a message against its entry's reply layout: `decodeReply`'s schema, and the type tag of each
 * value (an int where the catalogue says float is a bug on the wire, §4). Returns a list of problems.
 */
export function replyProblems(address: string, message: Received): string[] {
  const problems: string[] = []
  try {
    decodeReply(address, message.args)
  } catch (error) {
    problems.push(error instanceof Error ? error.message.split('\n')[0]! : String(error))
    return problems
  }
  const entry = catalogue.find((e) => e.address === address)
  const params = entry?.reply ?? []
  const firstVariadic = params.findIndex((p) => p.variadic === true)
  const head = firstVariadic < 0 ? params : params.slice(0, firstVariadic)
  const run = firstVariadic < 0 ? [] : params.slice(firstVariadic).filter((p) => p.variadic === true)
  const tail = firstVariadic < 0 ? [] : params.slice(firstVariadic + run.length)
  const tags = message.types.replace(',', '')
  const n = message.args.length
  const leadingRun = head.length === 0 && tail.length > 0
  for (let i = 0; i < n; i++) {
    let param: (typeof params)[number] | undefined
    if (leadingRun) param = i >= n - tail.length ? tail[i - (n - tail.length)] : run[i % Math.max(1, run.length)]
    else if (i < head.length) param = head[i]
    else if (i >= n - tail.length) param = tail[i - (n - tail.length)]
    else param = run[(i - head.length) % Math.max(1, run.length)]
    if (param === undefined) continue
    const tag = tags[i] ?? '?'
    const allowed = TAGS[param.type]! + (param.nullable === true ? 'N' : '')
    if (!allowed.includes(tag)) problems.push(`value ${i} (${param.name}) has tag ${tag}, expected one of ${allowed}`)
  }
  return problems
}

/** The value of a single-valued reply (its last argument). */
export const lastArg = (message: Received | undefined): OscValue | undefined => message?.args.at(-1)

/** A value as it comes back from a 32-bit float: what a float read-back is compared with. */
export const f32 = (value: number): number => Math.fround(value)
