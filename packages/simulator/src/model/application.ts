import type { LomValue } from '@live/protocol'
import { type LiveContext, LomNode, type Prop } from './lomNode.js'

/** Which Live the simulator claims to be. */
export const LIVE_VERSION = { major: 12, minor: 1, bugfix: 5 } as const

/** The `Application` (`live_app`): version and CPU load. */
export class Application extends LomNode {
  override readonly className = 'Application'
  averageProcessUsage = 0.07

  constructor(ctx: LiveContext) {
    super(ctx)
  }

  override path(): string {
    return 'live_app'
  }

  protected override readonly props: Record<string, Prop> = {
    average_process_usage: { get: () => this.averageProcessUsage },
    peak_process_usage: { get: () => this.averageProcessUsage * 1.5 },
    current_dialog_message_count: { get: () => 0 },
    open_dialog_count: { get: () => 0 },
  }

  protected override readonly fns: Record<string, (args: readonly LomValue[]) => LomValue> = {
    get_major_version: () => LIVE_VERSION.major,
    get_minor_version: () => LIVE_VERSION.minor,
    get_bugfix_version: () => LIVE_VERSION.bugfix,
    get_version_string: () => `${LIVE_VERSION.major}.${LIVE_VERSION.minor}.${LIVE_VERSION.bugfix}`,
    get_document: () => ({ path: 'live_set' }),
  }
}
