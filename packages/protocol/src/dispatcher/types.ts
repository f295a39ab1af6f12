import type { LiveObjectModel } from '../model/liveObjectModel.js'
import type { DecodedOscMessage, OscMessage } from '../osc/types.js'
import type { SongStructure } from './songStructure.js'

/** Which server the dispatcher imitates: AbletonOSC itself, or our Max for Live bridge. */
export type Flavour = 'abletonosc' | 'bridge'

/** A request's source. */
export interface ClientAddress {
  readonly address: string
  readonly port: number
}

/**
 * Where an outgoing message goes: a client (the server maps it: abletonosc → client IP : 11001;
 * bridge → the client's own source port) or 'remote' (the last sender).
 */
export type Destination = ClientAddress | 'remote'

/** What {@link createDispatcher} needs. */
export interface DispatcherOptions {
  /** The Live Object Model the addresses operate on. */
  model: LiveObjectModel
  /** Which server to imitate. */
  flavour: Flavour
  /** Sends one message (reply, listener value, /live/error) to a destination. */
  send: (message: OscMessage, to: Destination) => void
  /** The bridge's version, reported by `/live/bridge/hello`. @default '0.0.0' */
  version?: string | undefined
  /**
   * Writes what `/live/song/export/structure` exports (the host owns the file system: AbletonOSC writes
   * `<tempdir>/abletonosc-song-structure.json`, see `songStructureJson`); a throw becomes the
   * handler's error. Without it the address only replies `1`. @default undefined
   */
  writeStructure?: ((structure: SongStructure) => void) | undefined
}

/** The server side of the protocol: one decoded message in, messages out through `send`. */
export interface Dispatcher {
  /** Handles one message; returns 'abort' when AbletonOSC would abandon the rest of its tick. Never throws. */
  handle(message: DecodedOscMessage, from: ClientAddress): 'ok' | 'abort'
  /** Sends what AbletonOSC sends when the script loads: /live/startup, then an empty average_process_usage. */
  startup(): void
  /** Detaches every listener (server shutdown, or /live/api/reload). */
  dispose(): void
}
