import { num } from '../store.js'

/** A track's output meter (Live's 0..1 meter level), the only part of a strip that re-renders at meter rate. */
export function Meter({ keyName }: { keyName: string }) {
  const level = Math.min(1, Math.max(0, num(keyName)))
  return (
    <div class="meter" aria-hidden="true" data-level={level.toFixed(3)}>
      <div class="meter-fill" style={{ transform: `scaleY(${level.toFixed(3)})` }} />
    </div>
  )
}
