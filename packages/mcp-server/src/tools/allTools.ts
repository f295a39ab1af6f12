import { LiveError } from '@live/protocol'
import { type LiveTool, TOOLSETS, type Toolset } from '../core/toolKit.js'
import { createClip, createScene, createTrackTool } from './createTools.js'
import { setDeviceParam } from './deviceTools.js'
import { deleteTool, duplicate } from './editTools.js'
import { jobsTool } from './jobsTool.js'
import { armTrack, muteTrack, setTrackPan, setTrackVolume, soloTrack } from './mixerTools.js'
import { performTool } from './performTools.js'
import { fireClip, launchScene, stopClips } from './playTools.js'
import { read } from './readTool.js'
import { exportAudioTool, recordClipTool } from './recordClipTools.js'
import { restoreSnapshotTool, snapshotTool } from './snapshotTools.js'
import { songAction } from './songActionTool.js'
import { setTempo, transportPlay, transportRecord, transportStop } from './transportTools.js'
import { update } from './updateTool.js'
import { fadeTool, lfoTool } from './workflowTools.js'

/** Every tool of the server, in the order tools/list shows them (ableton_read, the one to call first, leads). */
export const ALL_TOOLS: readonly LiveTool[] = [
  read,
  transportPlay,
  transportStop,
  transportRecord,
  setTempo,
  fireClip,
  launchScene,
  stopClips,
  setTrackVolume,
  setTrackPan,
  muteTrack,
  soloTrack,
  armTrack,
  setDeviceParam,
  createTrackTool,
  createScene,
  createClip,
  update,
  duplicate,
  deleteTool,
  songAction,
  fadeTool,
  jobsTool,
  lfoTool,
  performTool,
  recordClipTool,
  exportAudioTool,
  snapshotTool,
  restoreSnapshotTool,
] as unknown as readonly LiveTool[]

/** What `--tools` and LIVE_MCP_TOOLS accept besides the group names: every group, or a tool by its name. */
export const ALL = 'all'

/**
 * The tools a `--tools` / LIVE_MCP_TOOLS list selects: groups (`core`, `workflows`, `compose`, `all`) and tool
 * names, comma-separated; unknown words are INVALID_ARGUMENTS naming what exists.
 *
 * @example
 * selectTools('core,ableton_lfo').map((t) => t.name) // the core tools and ableton_lfo
 */
export function selectTools(spec: string | undefined, tools: readonly LiveTool[] = ALL_TOOLS): LiveTool[] {
  const words = (spec ?? ALL)
    .split(',')
    .map((w) => w.trim())
    .filter((w) => w !== '')
  const names = new Set(tools.map((t) => t.name))
  for (const word of words) {
    if (word !== ALL && !TOOLSETS.includes(word as Toolset) && !names.has(word)) {
      throw new LiveError('INVALID_ARGUMENTS', `unknown tool group or tool ${JSON.stringify(word)}`, {
        metaMessages: [`Groups: ${ALL}, ${TOOLSETS.join(', ')}; or tool names such as ableton_fade, comma-separated.`],
      })
    }
  }
  if (words.length === 0 || words.includes(ALL)) return [...tools]
  return tools.filter((t) => words.includes(t.toolset) || words.includes(t.name))
}
