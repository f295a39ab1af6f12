import { dismissNotice, notices } from '../link.js'

/** What Live or the surface refused, in words, until dismissed (or for a few seconds). */
export function Notices() {
  return (
    <div class="notices" aria-live="assertive">
      {notices.value.map((n) => (
        <button key={n.seq} type="button" class="notice" onClick={() => dismissNotice(n.seq)}>
          <strong>{n.code}</strong> {n.text}
          {n.hints.map((hint) => (
            <span key={hint} class="hint">
              {hint}
            </span>
          ))}
        </button>
      ))}
    </div>
  )
}
