import { signal } from '@preact/signals'
import { ConnectionBadge } from './ConnectionBadge.js'
import { DevicesView } from './DevicesView.js'
import { MixerView } from './MixerView.js'
import { Notices } from './Notices.js'
import { SessionView } from './SessionView.js'
import { TransportBar } from './TransportBar.js'

const VIEWS = { session: 'Session', mixer: 'Mixer', devices: 'Devices' } as const
type View = keyof typeof VIEWS

const fromHash = (): View => {
  const name = location.hash.slice(1)
  return name in VIEWS ? (name as View) : 'session'
}
const view = signal<View>(fromHash())
addEventListener('hashchange', () => {
  view.value = fromHash()
})

/** The surface: the connection and transport always on top, then one view at a time (big targets on a phone). */
export function App() {
  const current = view.value
  return (
    <>
      <header class="top">
        <ConnectionBadge />
        <TransportBar />
      </header>
      <nav class="tabs" aria-label="views">
        {(Object.keys(VIEWS) as View[]).map((name) => (
          <a
            key={name}
            href={`#${name}`}
            class={name === current ? 'tab on' : 'tab'}
            aria-current={name === current ? 'page' : undefined}
          >
            {VIEWS[name]}
          </a>
        ))}
      </nav>
      <main class={`view view-${current}`}>
        {current === 'session' ? <SessionView /> : current === 'mixer' ? <MixerView /> : <DevicesView />}
      </main>
      <Notices />
    </>
  )
}
