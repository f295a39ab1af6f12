import { keys, type ServerState } from '../../shared/keys.js'
import { linkState } from '../link.js'
import { text, value } from '../store.js'

/** Both links, always in view: this page to the surface's server, and the server to Live. */
export function ConnectionBadge() {
  const link = linkState.value
  const live = link === 'open' ? text(keys.live, 'connecting') : 'unknown'
  const server = value<ServerState>(keys.server)
  const state = link !== 'open' ? 'offline' : live
  const label =
    link !== 'open'
      ? link === 'connecting'
        ? 'Connecting to the surface…'
        : 'Surface offline, reconnecting…'
      : live === 'connected'
        ? `Live: ${server?.kind === 'bridge' ? 'bridge' : server?.kind === 'abletonosc' ? 'AbletonOSC' : 'connected'}`
        : live === 'lost'
          ? 'Live is not answering…'
          : 'Connecting to Live…'
  return (
    <div class={`badge ${state}`} role="status" aria-live="polite" data-link={link} data-live={live}>
      <span class="dot" aria-hidden="true" />
      {label}
    </div>
  )
}
