import type { LiveError, OscMessage } from '@live/protocol'

/** The lifecycle events of a client, by name, with what their handlers receive. */
export type ClientEvents = {
  /** `/live/startup` arrived: Live started or the script reloaded; subscriptions were renewed. */
  'server:startup': []
  /** A request ran out of attempts after the server had answered before (or never answered). */
  'connection:lost': [error: LiveError]
  /** A message arrived after `connection:lost`. */
  'connection:restored': []
  /** A `/live/error` no request could be blamed for, or a transport error. */
  error: [error: LiveError]
  /** Every message received, before matching (for logging). */
  message: [message: OscMessage]
}
