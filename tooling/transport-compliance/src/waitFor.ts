/** How long {@link waitFor} waits before failing, in ms. */
export const waitForTimeoutMs = 5_000

/**
 * Polls `condition` until it holds; fails after {@link waitForTimeoutMs} with what it waited for and what it saw.
 *
 * @example
 * await waitFor(() => messages.length >= 3, '3 messages', () => messages)
 */
export async function waitFor(condition: () => boolean, what: string, seen?: () => unknown): Promise<void> {
  const deadline = Date.now() + waitForTimeoutMs
  while (!condition()) {
    if (Date.now() > deadline) {
      const got =
        seen === undefined ? '' : `; saw ${JSON.stringify(seen(), (_k, v) => (typeof v === 'bigint' ? `${v}n` : v))}`
      throw new Error(`gave up after ${waitForTimeoutMs} ms waiting for ${what}${got}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}
