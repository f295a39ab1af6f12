/**
 * The bridge's self-test address, kept apart from extensions.ts so the two change without conflicts. Spread
 * into `extensionEntries`; written `as const` so its tuples flow into `AddressArgs` and `AddressReply`.
 */
import type { ExtensionEntry } from './types.js'

/** `/live/bridge/selftest`: every LOM call the bridge uses, on a scratch track, timed. */
export const selftestEntries = [
  {
    address: '/live/bridge/selftest',
    object: 'bridge',
    // A call, not a get: it creates and deletes a track (and so leaves undo history behind).
    kind: 'call',
    params: [],
    reply: [
      { name: 'live_version', type: 'string' },
      { name: 'max_version', type: 'string' },
      { name: 'os', type: 'string' },
      { name: 'call', type: 'string', variadic: true, group: 'row' },
      { name: 'result', type: 'string', variadic: true, group: 'row', note: 'ok, fail or skip' },
      { name: 'ms', type: 'float', variadic: true, group: 'row' },
      { name: 'detail', type: 'string', variadic: true, group: 'row' },
    ],
    replyAddress: '/live/bridge/selftest',
    notes:
      'bridge only: runs every Live Object Model call the bridge relies on against the set it serves, on a scratch MIDI track it creates and deletes (one undo step where Live offers begin_undo_step), and replies with the Live version, the Max version (none on the simulator), the OS, then one row per call: call, ok|fail|skip, milliseconds, detail',
    source: 'bridge',
    inReadme: false,
    extension: true,
  },
] as const satisfies readonly ExtensionEntry[]
