import { existsSync } from 'node:fs'
import { type Browser, chromium } from 'playwright-core'

/** Debian's Chromium (`apt-get install chromium`; `.ci/run` installs it): never a downloaded browser build. */
export const CHROMIUM = process.env.LIVE_CHROMIUM ?? '/usr/bin/chromium'

/** The flags that work on our loaded, sandbox-less CI machines; no network of its own, no updates, no sync. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]

/** A headless Chromium with a fresh profile, closed by `close()`. */
export interface TestBrowser {
  readonly browser: Browser
  close(): Promise<void>
}

/**
 * Launches Debian's Chromium through playwright-core; fails with what to install when it is missing
 * (the browser tests are part of the suite: they never skip quietly).
 *
 * @example
 * const { browser, close } = await launchChromium()
 */
export async function launchChromium(): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: the surface's browser tests need it. Install it with \`apt-get install -y chromium\` (Debian; .ci/run does), or point LIVE_CHROMIUM at a Chromium binary.`,
    )
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // playwright gives each launch a fresh profile of its own (a new --user-data-dir in the temp folder).
    args: FLAGS,
  })
  return {
    browser,
    async close() {
      await browser.close()
    },
  }
}
