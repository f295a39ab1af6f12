import { z } from 'zod'
import { sceneIndex } from '../core/schemas.js'
import { requireScene, sceneNames } from '../core/setFacts.js'
import { liveTool, type ToolHost } from '../core/toolKit.js'

const label = (name: string | undefined, index: number) => (name ? `${index} (${name})` : `${index}`)

/** Launching, creating and naming scenes. */
export function registerSceneTools(host: ToolHost): void {
  liveTool(
    host,
    'ableton_launch_scene',
    {
      title: 'Launch a scene',
      description:
        'Launch a whole scene (a row of clips across all tracks) at the next quantisation boundary; starts the transport if stopped. Scenes count from 0 (the top row).',
      input: { scene: sceneIndex },
      kind: 'write',
    },
    async ({ scene }, { live, changed }) => {
      const names = await requireScene(live, scene)
      await live.scene(scene).fire()
      changed({})
      return { text: `Launched scene ${label(names[scene], scene)}.` }
    },
  )

  liveTool(
    host,
    'ableton_create_scene',
    {
      title: 'Create a scene',
      description: 'Add an empty scene (a new row of clip slots), optionally named. Answers its index.',
      input: {
        index: z
          .number()
          .int()
          .min(-1)
          .default(-1)
          .describe('Where to insert it, from 0; -1 (default) appends it at the bottom.'),
        name: z.string().min(1).optional().describe('Scene name.'),
      },
      kind: 'write',
    },
    async ({ index, name }, { live, changed }) => {
      const before = await live.song.numScenes.get()
      await live.song.createScene(index)
      const created = index === -1 || index > before ? before : index
      if (name !== undefined) await live.scene(created).name.set(name)
      changed({ structure: true })
      return { text: `Created scene ${label(name, created)}; the set has ${before + 1} scenes.` }
    },
  )

  liveTool(
    host,
    'ableton_set_scene_name',
    {
      title: 'Name a scene',
      description: 'Rename a scene (a row of clip slots), e.g. "Intro" or "Drop". Scenes count from 0.',
      input: { scene: sceneIndex, name: z.string().min(1).describe('The new name.') },
      kind: 'idempotent',
    },
    async ({ scene, name }, { live, changed }) => {
      await requireScene(live, scene)
      await live.scene(scene).name.set(name)
      changed({})
      const names = await sceneNames(live)
      return { text: `Scene ${scene} is now named ${JSON.stringify(names[scene])}.` }
    },
  )
}
