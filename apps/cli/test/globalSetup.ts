import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** Bundles the CLI once before the tests run it as a subprocess. */
export default function setup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  execFileSync(process.execPath, ['build.mjs'], { cwd: root, stdio: 'inherit' })
}
