// `pnpm --filter @live/m4l-bridge install-device [--dry-run] [--dest DIR] [--user-library DIR] [--max-library DIR]`:
// builds the device, then copies it and its scripts where Live and Max find them (src/install/installPlan.ts).
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { build, importSource } from './build.mjs'

const here = dirname(fileURLToPath(import.meta.url))
let values
try {
  // `pnpm … install-device -- --dry-run` hands the script a literal `--` first.
  const args = process.argv.slice(2)
  values = parseArgs({
    args: args[0] === '--' ? args.slice(1) : args,
    options: {
      'dry-run': { type: 'boolean' },
      dest: { type: 'string' },
      'user-library': { type: 'string' },
      'max-library': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values
} catch (error) {
  console.error(`install-device: ${error.message}\n  See --help.`)
  process.exit(2)
}
if (values.help) {
  console.log(`Usage: pnpm --filter @live/m4l-bridge install-device [options]

Builds the Live Bridge device and copies it (and its two scripts) into Live's User Library
(Presets/Audio Effects/Max Audio Effect) and the scripts into Max's Library.

  --dry-run            print what would be copied, copy nothing
  --dest DIR           put everything into DIR instead
  --user-library DIR   Live's User Library, if moved in Preferences > Library
  --max-library DIR    Max's Library folder (default ~/Documents/Max 9/Library)`)
  process.exit(0)
}
try {
  const from = await build(join(here, 'dist'))
  const { installDevice } = await importSource(join(here, 'src/install/installDevice.ts'))
  await installDevice({
    from,
    platform: process.platform,
    home: homedir(),
    dest: values.dest,
    userLibrary: values['user-library'],
    maxLibrary: values['max-library'],
    dryRun: values['dry-run'] === true,
  })
} catch (error) {
  console.error(`install-device: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
