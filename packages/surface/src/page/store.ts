import { batch, type Signal, signal } from '@preact/signals'
import type { StateValue } from '../shared/keys.js'

/*
 * The page keeps no model of the set: it holds the server's state map as one signal per key, so a
 * component that reads a key re-renders when that key (and only that key) changes.
 */
const signals = new Map<string, Signal<StateValue | undefined>>()

/** The signal of one key (created on first use, undefined until the server sends it). */
export function stateSignal(key: string): Signal<StateValue | undefined> {
  let found = signals.get(key)
  if (found === undefined) {
    found = signal<StateValue | undefined>(undefined)
    signals.set(key, found)
  }
  return found
}

/** The current value of a key, read inside a component (which then re-renders on its changes). */
export function value<T extends StateValue>(key: string): T | undefined {
  return stateSignal(key).value as T | undefined
}

/** A number key, or a fallback. */
export function num(key: string, fallback = 0): number {
  const found = stateSignal(key).value
  return typeof found === 'number' ? found : fallback
}

/** A boolean key (false when unknown). */
export function flag(key: string): boolean {
  return stateSignal(key).value === true
}

/** A string key, or a fallback. */
export function text(key: string, fallback = ''): string {
  const found = stateSignal(key).value
  return typeof found === 'string' ? found : fallback
}

/** Replaces the whole state (the `state` message). */
export function applyState(entries: Readonly<Record<string, StateValue>>): void {
  batch(() => {
    for (const [key, sig] of signals) if (!(key in entries)) sig.value = undefined
    for (const key in entries) stateSignal(key).value = entries[key]
  })
}

/** Applies one `patch` message. */
export function applyPatch(entries: Readonly<Record<string, StateValue>>, removed: readonly string[] = []): void {
  batch(() => {
    for (const key in entries) stateSignal(key).value = entries[key]
    for (const key of removed) stateSignal(key).value = undefined
  })
}
