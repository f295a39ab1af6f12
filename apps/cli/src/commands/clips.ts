import type { LiveClient } from '@live/client'
import { LiveError, noteName } from '@live/protocol'
import { choiceArg, integerArg, noMore, numberArg, required } from '../cli/args.js'
import { commandTable } from '../cli/commandTable.js'
import type { CommandGroup } from '../cli/context.js'
import { table } from '../cli/output.js'

/** Reads whether a slot holds a clip; Live's "Index out of range" for a bad track or scene exits 3. */
async function hasClip(live: LiveClient, track: number, scene: number): Promise<boolean> {
  return live.clipSlot(track, scene).hasClip.get()
}

function noClip(track: number, scene: number): LiveError {
  return new LiveError('NOT_FOUND', `there is no clip on track ${track} in scene ${scene}`, {
    metaMessages: [`Create one with: live clip ${track} ${scene} create 4`],
    details: { track, scene },
  })
}

/** Clip and scene commands: `clip T S ...`, `scenes`, `scene N fire`, `scene create`. */
export const clips: CommandGroup = {
  async clip(ctx) {
    const track = integerArg(required(ctx.positionals, 0, 'a track index', ctx.usage), 'track index', 0)
    const scene = integerArg(required(ctx.positionals, 1, 'a scene index', ctx.usage), 'scene index', 0)
    const action = choiceArg(
      required(ctx.positionals, 2, 'an action', ctx.usage),
      'clip action',
      commandTable.clip.words.action,
    )
    if (action !== 'name') noMore(ctx.positionals, action === 'create' ? 4 : 3, ctx.usage)
    const length = action === 'create' ? numberArg(ctx.positionals[3] ?? '4', 'clip length (beats)', 0.25, 4096) : 4
    const live = await ctx.client()
    const exists = await hasClip(live, track, scene)
    switch (action) {
      case 'fire':
        if (!exists) throw noClip(track, scene)
        await live.clipSlot(track, scene).fire()
        ctx.out.result(`▶ fired clip ${track}/${scene} "${await live.clip(track, scene).name.get()}"`, {
          fired: { track, scene },
        })
        return
      case 'stop':
        await live.clipSlot(track, scene).stop()
        ctx.out.result(`■ stopped track ${track} scene ${scene}`, { stopped: { track, scene } })
        return
      case 'create': {
        if (exists) {
          throw new LiveError('LIVE_REJECTED', `track ${track} scene ${scene} already holds a clip`, {
            metaMessages: ['Pick an empty slot; `live tracks` and `live scenes` show what is where.'],
          })
        }
        await live.clipSlot(track, scene).createClip(length)
        if (!(await hasClip(live, track, scene))) {
          throw new LiveError('LIVE_REJECTED', `Live did not create a clip on track ${track} scene ${scene}`, {
            metaMessages: ['Clips can be created on MIDI tracks only.'],
          })
        }
        ctx.out.result(`created a ${length}-beat clip on track ${track} scene ${scene}`, {
          created: { track, scene, length },
        })
        return
      }
      case 'name': {
        if (!exists) throw noClip(track, scene)
        const name = ctx.positionals.slice(3).join(' ')
        if (name !== '') await live.clip(track, scene).name.set(name)
        const now = await live.clip(track, scene).name.get()
        ctx.out.result(name === '' ? now : `clip ${track}/${scene} is now "${now}"`, { track, scene, name: now })
        return
      }
      case 'notes': {
        if (!exists) throw noClip(track, scene)
        const notes = await live.clip(track, scene).notes.get()
        ctx.out.result(
          () =>
            notes.length === 0
              ? 'no notes'
              : table(
                  ['pitch', 'note', 'start', 'duration', 'velocity', 'mute'],
                  notes.map((n) => [
                    String(n.pitch),
                    noteName(n.pitch),
                    String(n.start),
                    String(n.duration),
                    String(n.velocity),
                    n.mute ? 'yes' : '',
                  ]),
                  ctx.out.c,
                ),
          { track, scene, notes },
        )
        return
      }
    }
  },

  async scenes(ctx) {
    noMore(ctx.positionals, 0, ctx.usage)
    const live = await ctx.client()
    const count = await live.song.numScenes.get()
    const scenes = await Promise.all(
      Array.from({ length: count }, async (_, index) => {
        const s = live.scene(index)
        const [name, tempo, tempoEnabled] = await Promise.all([s.name.get(), s.tempo.get(), s.tempoEnabled.get()])
        return { index, name, tempo: tempoEnabled ? tempo : null }
      }),
    )
    ctx.out.result(
      () =>
        table(
          ['#', 'name', 'tempo'],
          scenes.map((s) => [String(s.index), s.name, s.tempo === null ? '' : `${s.tempo} BPM`]),
          ctx.out.c,
        ),
      { scenes },
    )
  },

  async scene(ctx) {
    const { words } = commandTable.scene
    const first = required(ctx.positionals, 0, 'a scene index (or create)', ctx.usage)
    if ((words.create as readonly string[]).includes(first)) {
      noMore(ctx.positionals, 1, ctx.usage)
      const live = await ctx.client()
      await live.song.createScene(-1)
      const count = await live.song.numScenes.get()
      ctx.out.result(`created scene ${count - 1}`, { created: count - 1, scenes: count })
      return
    }
    const index = integerArg(first, 'scene index', 0)
    choiceArg(required(ctx.positionals, 1, 'an action (fire)', ctx.usage), 'scene action', words.action)
    noMore(ctx.positionals, 2, ctx.usage)
    const live = await ctx.client()
    const count = await live.song.numScenes.get()
    if (index >= count) {
      throw new LiveError('NOT_FOUND', `scene ${index} does not exist: the set has scenes 0..${count - 1}`, {
        details: { scene: index, scenes: count },
      })
    }
    await live.scene(index).fire()
    const name = await live.scene(index).name.get()
    ctx.out.result(`▶ fired scene ${index}${name === '' ? '' : ` "${name}"`}`, { fired: index, name })
  },
}
