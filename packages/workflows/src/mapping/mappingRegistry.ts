import type { LiveClient } from '@live/client'
import { LiveError } from '@live/protocol'
import type { WorkflowContext } from '../shared/workflow.js'
import { type ActiveMapping, type MappingSummary, type StartMappingOptions, startMapping } from './startMapping.js'

/** A summary of a running mapping, for lists (MCP tools, status lines). */
export interface MappingInfo {
  readonly id: string
  readonly name: string
  readonly input: string
  readonly output: string | undefined
  readonly lines: number
  readonly bank: { readonly tracks: number; readonly scenes: number }
  readonly page: number
}

/** The mappings one program runs: start from data, list, stop. */
export interface MappingRegistry {
  /** Starts a mapping and keeps it until it stops. */
  start(client: LiveClient, options: StartMappingOptions, context?: WorkflowContext): Promise<ActiveMapping>
  /** The running mappings. */
  list(): MappingInfo[]
  /** A running mapping by id. */
  get(id: string): ActiveMapping | undefined
  /** Stops one mapping; NOT_FOUND when no mapping has that id. */
  stop(id: string): Promise<MappingSummary>
  /** Stops every mapping (a server shutting down). */
  stopAll(): Promise<void>
}

/**
 * A registry of running mappings: what a server (the MCP server, a web surface) holds to start mappings from data,
 * list them and stop them. Each mapping leaves the registry when it stops, however it stops.
 *
 * @example
 * const mappings = createMappingRegistry()
 * const m = await mappings.start(live, { map: MIDI_MAP_PRESETS.nanokontrol2.map, input, output })
 * mappings.list() // [{ id: 'map-1', name: 'nanoKONTROL2: mixer', ... }]
 * await mappings.stop(m.id)
 */
export function createMappingRegistry(): MappingRegistry {
  const running = new Map<string, ActiveMapping>()
  const info = (m: ActiveMapping): MappingInfo => ({
    id: m.id,
    name: m.name,
    input: m.input,
    output: m.output,
    lines: m.map.mappings.length,
    bank: m.bank,
    page: m.page,
  })
  return {
    async start(client, options, context) {
      const mapping = await startMapping(client, options, context)
      running.set(mapping.id, mapping)
      void mapping.stopped.then(() => running.delete(mapping.id))
      return mapping
    },
    list: () => [...running.values()].map(info),
    get: (id) => running.get(id),
    async stop(id) {
      const mapping = running.get(id)
      if (mapping === undefined) {
        throw new LiveError('NOT_FOUND', `no running mapping "${id}"`, {
          metaMessages: [running.size === 0 ? 'No mapping is running.' : `Running: ${[...running.keys()].join(', ')}.`],
        })
      }
      running.delete(id)
      return mapping.stop()
    },
    async stopAll() {
      const all = [...running.values()]
      running.clear()
      await Promise.all(all.map((m) => m.stop()))
    },
  }
}
