import { ClipSlot } from './clipSlot.js'
import { indexArg, type LomFunctions, optionalIndexArg, returnsNone } from './lomFunctions.js'
import { PALETTE } from './palette.js'
import { Scene } from './scene.js'
import type { SceneData } from './schema.js'
import type { Song } from './song.js'
import { indexError } from './songTracks.js'

/** The Song's scene functions (create, delete, duplicate, capture and insert), each undoable as in Live. */
export function songScenes(song: Song): { fns: LomFunctions; createScene: (rawIndex: number) => Scene } {
  const ctx = song.ctx

  const emptyScene = (): SceneData => ({
    name: '',
    color: PALETTE[song.scenes.length % PALETTE.length] ?? 0,
    tempo: 120,
    tempo_enabled: false,
    time_signature_numerator: 4,
    time_signature_denominator: 4,
    time_signature_enabled: false,
  })

  const sceneAt = (index: number, scene: Scene, slots: (ClipSlot | null)[] | null): void => {
    song.scenes.splice(index, 0, scene)
    song.tracks.forEach((t, i) => {
      if (t.kind === 'return' || t.kind === 'master') return
      const slot = slots?.[i] ?? new ClipSlot(ctx, t, null, true)
      t.clipSlots.splice(index, 0, slot)
      slot.revive()
      t.emit('clip_slots')
    })
    scene.revive()
    song.emit('scenes')
  }

  const removeScene = (scene: Scene): (ClipSlot | null)[] => {
    const index = song.scenes.indexOf(scene)
    const removed = song.tracks.map((t) => {
      const slot = t.clipSlots[index]
      if (!slot) return null
      if (t.playingSlot === slot || t.pending?.slot === slot) t.stopNow()
      t.clipSlots.splice(index, 1)
      slot.kill()
      t.emit('clip_slots')
      return slot
    })
    song.scenes.splice(index, 1)
    scene.kill()
    song.view.repair()
    song.emit('scenes')
    return removed
  }

  const createScene = (rawIndex: number): Scene => {
    if (rawIndex < -1 || rawIndex > song.scenes.length) throw indexError()
    const index = rawIndex === -1 ? song.scenes.length : rawIndex
    const scene = new Scene(ctx, song, emptyScene())
    sceneAt(index, scene, null)
    ctx.undo.push(
      'Insert Scene',
      () => removeScene(scene),
      () => sceneAt(index, scene, null),
    )
    return scene
  }

  const deleteScene = (index: number): void => {
    const scene = song.scenes[index]
    if (!scene) throw indexError()
    const slots = removeScene(scene)
    ctx.undo.push(
      'Delete Scene',
      () => sceneAt(index, scene, slots),
      () => removeScene(scene),
    )
  }

  const duplicateScene = (index: number): Scene => {
    const source = song.scenes[index]
    if (!source) throw indexError()
    const scene = new Scene(ctx, song, source.toJSON())
    const slots = song.tracks.map((t) => {
      const from = t.clipSlots[index]
      if (!from) return null
      const json = from.toJSON()
      return new ClipSlot(ctx, t, json.clip, json.has_stop_button)
    })
    sceneAt(index + 1, scene, slots)
    ctx.undo.push(
      'Duplicate Scene',
      () => removeScene(scene),
      () => sceneAt(index + 1, scene, slots),
    )
    return scene
  }

  const captureAndInsertScene = (): void => {
    const selected = song.view.selectedScene?.index ?? song.scenes.length - 1
    const scene = createScene(selected + 1)
    ctx.undo.silently(() => {
      for (const track of song.tracks) {
        const slot = track.playingSlot
        const target = track.clipSlots[scene.index]
        if (slot?.clip && target) slot.duplicateClipTo(target)
      }
    })
    song.view.selectScene(scene)
  }

  return {
    fns: {
      create_scene: (args) => createScene(optionalIndexArg(args)).ref(),
      delete_scene: returnsNone((args) => deleteScene(indexArg(args))),
      duplicate_scene: (args) => duplicateScene(indexArg(args)).ref(),
      capture_and_insert_scene: returnsNone(captureAndInsertScene),
    },
    createScene,
  }
}
