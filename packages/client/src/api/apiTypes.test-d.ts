import { expectTypeOf, test } from 'vitest'
import type { LiveClient } from '../clientTypes.js'
import type { Namespace } from './apiTypes.js'

declare const song: Namespace<'song'>
declare const track: Namespace<'track'>
declare const clip: Namespace<'clip'>
declare const device: Namespace<'device'>
declare const view: Namespace<'view'>
declare const clipSlot: Namespace<'clip_slot'>

test('properties take their value types from the catalogue', () => {
  expectTypeOf(song.tempo.get).returns.resolves.toEqualTypeOf<number>()
  expectTypeOf(song.tempo.set).parameter(0).toEqualTypeOf<number>()
  expectTypeOf(song.clipTriggerQuantization.get).returns.resolves.toEqualTypeOf<number>()
  expectTypeOf(track.volume.get).returns.resolves.toEqualTypeOf<number>()
  expectTypeOf(track.name.set).parameter(0).toEqualTypeOf<string>()
  expectTypeOf(track.clipsName.get).returns.resolves.toEqualTypeOf<(string | null)[]>()
  expectTypeOf(track.send(1).get).returns.resolves.toEqualTypeOf<number>()
  expectTypeOf(device.parameterValue(3).get).returns.resolves.toEqualTypeOf<number>()
  expectTypeOf(view.selectedClip.get).returns.resolves.toEqualTypeOf<[trackIndex: number, sceneIndex: number]>()
  expectTypeOf(clipSlot.hasClip.get).returns.resolves.toEqualTypeOf<boolean>()
})

test('extension properties (return and master tracks) keep their value types', () => {
  const live = {} as LiveClient
  expectTypeOf(live.returnTrack(0).volume.get).returns.resolves.toEqualTypeOf<number>()
  expectTypeOf(live.returnTrack(0).mute.set).parameter(0).toEqualTypeOf<boolean>()
  expectTypeOf(live.returnTrack(0).devicesName.get).returns.resolves.toEqualTypeOf<string[]>()
  expectTypeOf(live.returnTrack(0).crossfadeAssign.set).parameter(0).toEqualTypeOf<number>()
  expectTypeOf(live.masterTrack.name.get).returns.resolves.toEqualTypeOf<string>()
  // @ts-expect-error the master track's name is read-only
  live.masterTrack.name.set
})

test('calls take their arguments past the indices', () => {
  expectTypeOf(clipSlot.fire).toBeCallableWith()
  expectTypeOf(clip.fire).toBeCallableWith({ signal: AbortSignal.timeout(1) })
  expectTypeOf(song.createScene).toBeCallableWith(2)
  expectTypeOf(song.exportStructure).returns.resolves.toEqualTypeOf<number>()
})

test('events cannot be read', () => {
  // @ts-expect-error beat is an event, not a getter
  song.beat.get
  expectTypeOf(song.beat.watch).toBeFunction()
})

test("devices take the bridge's ids: master, return tracks and chain paths, nothing else", () => {
  const live = {} as LiveClient
  expectTypeOf(live.device).toBeCallableWith('master', 0)
  expectTypeOf(live.device).toBeCallableWith('return/1', 2)
  expectTypeOf(live.device).toBeCallableWith(0, '0/1/2')
  // @ts-expect-error a track id is an index, 'master' or 'return/<r>'
  live.device('Master', 0)
  // @ts-expect-error a chain path ends on a device: 'd/c/d'
  live.device(0, '0/1')
})
