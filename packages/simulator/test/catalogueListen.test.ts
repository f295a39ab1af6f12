import type { Received } from '@live/compliance'
import { type CatalogueEntry, findEntry, type OscValue } from '@live/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { indexArgs, propOf } from './catalogueArgs.js'
import { type CatalogueRig, entriesOf, type Request, replyProblems, startCatalogueRig } from './catalogueRig.js'
import { otherValue, setValue } from './catalogueValues.js'

/** Listeners whose property nothing the protocol or the model offers can change, and why. */
const UNCHANGEABLE: Record<string, string> = {
  '/live/clip/start_listen/file_path': "a clip's sample cannot be replaced through the LOM",
  '/live/clip/start_listen/start_time': 'a session clip has no place on the timeline: start_time stays 0',
  '/live/clip/start_listen/is_overdubbing': 'needs MIDI recording into a playing clip, which is not simulated',
  '/live/clip/start_listen/is_recording': 'needs recording into the clip, which is not simulated',
  '/live/clip_slot/start_listen/controls_other_clips': 'changes only for group slots as grouped tracks gain clips',
  '/live/track/start_listen/has_audio_input': "fixed by the track's type",
  '/live/track/start_listen/has_audio_output': "fixed by the track's type",
  '/live/track/start_listen/has_midi_input': "fixed by the track's type",
  '/live/track/start_listen/has_midi_output': "fixed by the track's type",
  '/live/master/start_listen/name': "the master track's name cannot be changed in Live",
  '/live/song/start_listen/session_record_status': 'changes only while session recording runs, which is not simulated',
}

/** Listeners whose value moves with the transport: changed by playing, not by a set. */
const ENGINE = new Set([
  '/live/song/start_listen/is_playing',
  '/live/song/start_listen/beat',
  '/live/clip/start_listen/playing_position',
  '/live/clip_slot/start_listen/is_triggered',
  '/live/clip_slot/start_listen/playing_status',
  '/live/track/start_listen/fired_slot_index',
  '/live/track/start_listen/playing_slot_index',
  '/live/track/start_listen/output_meter_level',
  '/live/track/start_listen/output_meter_left',
  '/live/track/start_listen/output_meter_right',
  '/live/scene/start_listen/is_triggered',
  '/live/return/start_listen/output_meter_level',
  '/live/return/start_listen/output_meter_left',
  '/live/return/start_listen/output_meter_right',
  '/live/master/start_listen/output_meter_level',
  '/live/master/start_listen/output_meter_left',
  '/live/master/start_listen/output_meter_right',
])

/** Listeners changed by another address than their own setter. */
const CHANGED_BY: Record<string, (again: boolean) => Request[]> = {
  '/live/clip/start_listen/end_time': (again) => [
    { address: '/live/clip/set/end_marker', args: [0, 1, again ? 10 : 12] },
  ],
  '/live/song/start_listen/song_length': (again) => [
    { address: '/live/song/set/loop_start', args: [again ? 300 : 400] },
  ],
  '/live/clip_slot/start_listen/has_clip': (again) => [
    again
      ? { address: '/live/clip_slot/delete_clip', args: [0, 0] }
      : { address: '/live/clip_slot/create_clip', args: [0, 0, 4] },
  ],
}

/** The listener's arguments: the test set's indices (has_clip watches the empty slot 0 of track 0). */
const listenArgs = (entry: CatalogueEntry): OscValue[] =>
  entry.address === '/live/clip_slot/start_listen/has_clip' ? [0, 0] : indexArgs(entry)

const replyAddressOf = (entry: CatalogueEntry): string =>
  Array.isArray(entry.replyAddress) ? entry.replyAddress[0]! : String(entry.replyAddress)

/** How a listener's property is changed: its setter with a new value, or another address. */
function changes(entry: CatalogueEntry, again: boolean, current: OscValue | undefined): Request[] {
  const by = CHANGED_BY[entry.address]
  if (by !== undefined) return by(again)
  const setter = findEntry(entry.address.replace('/start_listen/', '/set/'))
  if (setter === undefined) return []
  const value = setValue(setter, current)
  return [{ address: setter.address, args: [...indexArgs(setter), ...(again ? otherValue(setter, value) : value)] }]
}

for (const flavour of ['abletonosc', 'bridge'] as const) {
  /** The bridge fixes AbletonOSC's device name listener bug: its messages carry the ids, like the getter's. */
  const problems = (entry: CatalogueEntry, message: Received) =>
    flavour === 'bridge' && entry.address === '/live/device/start_listen/name'
      ? replyProblems('/live/device/get/name', message)
      : replyProblems(entry.address, message)

  describe(`every listener starts, reports a change and stops (${flavour}, demo set)`, () => {
    let rig: CatalogueRig
    const all = entriesOf(flavour, 'start_listen')
    const observable = all.filter((e) => e.listenable !== false && e.reply !== null)
    const unobservable = all.filter((e) => e.listenable === false)
    const tested = observable.filter((e) => UNCHANGEABLE[e.address] === undefined)
    let started: Received[] = []
    let changed: Received[] = []
    let afterStop: Received[] = []
    let refusals: Received[] = []

    /** Moves the transport (fires clips, a scene, starts; or stops and restarts elsewhere); returns what arrived. */
    const play = async (again: boolean): Promise<Received[]> => {
      const got: Received[] = []
      const take = () => {
        got.push(...rig.client.inbox)
        rig.client.clear()
      }
      if (again) {
        got.push(...(await rig.exchange([{ address: '/live/song/stop_playing', args: [] }])))
        await rig.advance(200)
        take()
        got.push(...(await rig.exchange([{ address: '/live/clip_slot/fire', args: [0, 2] }])))
      } else {
        got.push(
          ...(await rig.exchange([
            // The sets above muted track 0 and its clip: unmute them so its meters move.
            { address: '/live/track/set/mute', args: [0, false] },
            { address: '/live/clip/set/muted', args: [0, 1, false] },
            // Fire scene 0 first, so the clip's launch wins on track 0.
            { address: '/live/scene/fire', args: [0] },
          ])),
        )
        // A tick later, so the launch waits for the next bar (launches in the scene's own instant start
        // with it, as in Live) and its changes arrive while the transport runs, not before the batch's reply.
        got.push(
          ...(await rig.exchange([
            { address: '/live/clip_slot/fire', args: [0, 1] },
            { address: '/live/song/start_playing', args: [] },
          ])),
        )
      }
      await rig.advance(4000)
      take()
      return got
    }

    // Device names have no set address in AbletonOSC: rename in the model, as the user would in Live.
    const changeModel = (again: boolean) =>
      rig.sim.model.set('live_set tracks 0 devices 0', 'name', again ? 'Kit again' : 'Renamed Kit')

    beforeAll(async () => {
      rig = await startCatalogueRig(flavour)
      refusals = await rig.exchange(unobservable.map((e) => ({ address: e.address, args: listenArgs(e) })))
      started = await rig.exchange(observable.map((e) => ({ address: e.address, args: listenArgs(e) })))
      rig.client.clear()
      const now = new Map(started.map((m) => [m.address, m.args.at(-1)]))
      const changing = tested.filter((e) => !ENGINE.has(e.address))
      changed = await rig.exchange(changing.flatMap((e) => changes(e, false, now.get(replyAddressOf(e)))))
      changeModel(false)
      changed.push(...(await play(false)))
      await rig.exchange(
        observable.map((e) => ({ address: e.address.replace('/start_listen/', '/stop_listen/'), args: listenArgs(e) })),
      )
      afterStop = await rig.exchange(changing.flatMap((e) => changes(e, true, now.get(replyAddressOf(e)))))
      changeModel(true)
      afterStop.push(...(await play(true)))
    })
    afterAll(() => rig.close())

    it('refuses start_listen on what Live cannot observe, naming the missing add_<prop>_listener', () => {
      const texts = refusals.filter((m) => m.address === '/live/error').map((m) => String(m.args[0]))
      expect(texts).toEqual(
        unobservable.map((e) =>
          expect.stringMatching(
            new RegExp(`^Error handling OSC message: '\\w+' object has no attribute 'add_${propOf(e)}_listener'$`),
          ),
        ),
      )
    })

    it('raises no error while starting, changing and stopping', () => {
      expect([...started, ...changed, ...afterStop].filter((m) => m.address === '/live/error')).toEqual([])
    })

    for (const entry of observable) {
      const address = replyAddressOf(entry)
      const immediate = entry.address !== '/live/song/start_listen/beat'
      it(`${entry.address} ${immediate ? 'sends its value at once' : 'sends nothing at start'}, matching the reply schema`, () => {
        const first = started.filter((m) => m.address === address)
        expect(first.length).toBe(immediate ? 1 : 0)
        if (immediate) expect(problems(entry, first[0]!)).toEqual([])
      })
      const reason = UNCHANGEABLE[entry.address]
      if (reason !== undefined) {
        it.skip(`${entry.address} reports a change (${reason})`, () => {})
        continue
      }
      it(`${entry.address} reports a change, then nothing after stop_listen`, () => {
        const updates = changed.filter((m) => m.address === address)
        expect(updates.length).toBeGreaterThan(0)
        expect(updates.flatMap((m) => problems(entry, m))).toEqual([])
        expect(afterStop.filter((m) => m.address === address)).toEqual([])
      })
    }
  })
}
