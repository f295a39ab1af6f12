import { copyFile, mkdir, rename, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { type InstallCopy, type InstallPlanOptions, installPlan } from './installPlan.js'

/** Options of {@link installDevice}. */
export interface InstallDeviceOptions extends InstallPlanOptions {
  /** The built device: dist/ with LiveBridge.amxd and both scripts. */
  from: string
  /** Print the plan, copy nothing. @default false */
  dryRun?: boolean | undefined
  /** Where each line goes. @default console.log */
  log?: ((line: string) => void) | undefined
}

/**
 * Copies the built device and its scripts where Live and Max find them ({@link installPlan}); each file is
 * written to a temporary name, then renamed, so Live never reads half a device.
 *
 * @example
 * await installDevice({ from: 'dist', platform: process.platform, home: os.homedir(), dryRun: true })
 */
export async function installDevice(options: InstallDeviceOptions): Promise<InstallCopy[]> {
  const log = options.log ?? ((line: string) => console.log(line))
  const plan = installPlan(options)
  for (const { file, to } of plan) {
    log(`${options.dryRun ? 'would copy' : 'copy'} ${file} → ${to}`)
    if (options.dryRun) continue
    await mkdir(dirname(to), { recursive: true })
    const temporary = `${to}.${process.pid}.partial`
    try {
      await copyFile(join(options.from, file), temporary)
      await rename(temporary, to)
    } catch (error) {
      await rm(temporary, { force: true })
      throw error
    }
  }
  log(
    options.dryRun
      ? 'dry run: nothing was copied'
      : 'installed: in Live, open Max for Live > Max Audio Effect in the browser and drag LiveBridge onto a track',
  )
  return plan
}
