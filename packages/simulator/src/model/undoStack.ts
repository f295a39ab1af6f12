/** One step of Live's undo history. */
export interface UndoStep {
  readonly name: string
  undo(): void
  redo(): void
}

/** Live's undo history of user-visible changes; changes made while undoing or by the engine are not recorded. */
export class UndoStack {
  private done: UndoStep[] = []
  private undone: UndoStep[] = []
  private muted = 0
  /** Called after the history changes (can_undo / can_redo may differ). */
  onChange: () => void = () => {}

  /** Records a step, unless recording is suspended; clears the redo history. */
  push(name: string, undo: () => void, redo: () => void): void {
    if (this.muted > 0) return
    this.done.push({ name, undo, redo })
    this.undone = []
    this.onChange()
  }

  /** Runs `fn` without recording any step (engine updates, undo itself, loading). */
  silently<T>(fn: () => T): T {
    this.muted++
    try {
      return fn()
    } finally {
      this.muted--
    }
  }

  /** True when there is a step to undo. */
  get canUndo(): boolean {
    return this.done.length > 0
  }

  /** True when there is a step to redo. */
  get canRedo(): boolean {
    return this.undone.length > 0
  }

  /** Undoes the latest step; returns its name, or null when there is none. */
  undo(): string | null {
    const step = this.done.pop()
    if (!step) return null
    this.silently(() => step.undo())
    this.undone.push(step)
    this.onChange()
    return step.name
  }

  /** Redoes the latest undone step; returns its name, or null when there is none. */
  redo(): string | null {
    const step = this.undone.pop()
    if (!step) return null
    this.silently(() => step.redo())
    this.done.push(step)
    this.onChange()
    return step.name
  }
}
