import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/** Every published package follows the house manifest (shared/STYLE.md): packages/*, and the apps that are not private. */
const root = join(import.meta.dirname, '..', '..')
const manifests = ['packages', 'apps']
  .flatMap((group) => readdirSync(join(root, group)).map((dir) => join(root, group, dir, 'package.json')))
  .filter((path) => existsSync(path))
  .map((path) => JSON.parse(readFileSync(path, 'utf8')))
  .filter((manifest) => manifest.private !== true)

describe('published package manifests', () => {
  it('include the live command', () => {
    expect(manifests.map((manifest) => manifest.name)).toContain('@live/cli')
  })

  for (const manifest of manifests) {
    it(`${manifest.name} is an ESM-only, side-effect-free public package`, () => {
      expect(manifest.type).toBe('module')
      expect(manifest.sideEffects).toBe(false)
      expect(manifest.exports['.'].types).toBe('./dist/index.d.ts')
      expect(manifest.exports['.'].default).toBe('./dist/index.js')
      expect(manifest.exports['./package.json']).toBe('./package.json')
      // A package with a command ships the small bin/ launcher that package managers link at install.
      const files = manifest.bin === undefined ? [] : ['bin']
      expect(manifest.files).toEqual([...files, 'dist', 'src', '!src/**/*.test.ts', '!src/**/*.test-d.ts'])
      expect(manifest.engines).toEqual({ node: '>=20' })
      expect(manifest.publishConfig).toEqual({ access: 'public' })
      expect(Object.keys(manifest.scripts)).toEqual(expect.arrayContaining(['build', 'typecheck', 'test']))
    })

    it(`${manifest.name} takes internal packages from the workspace and third-party ones from the catalog`, () => {
      for (const [name, range] of Object.entries({ ...manifest.dependencies, ...manifest.devDependencies })) {
        expect(`${name}@${range}`).toBe(name.startsWith('@live/') ? `${name}@${range}` : `${name}@catalog:`)
        if (name.startsWith('@live/')) expect(range).toMatch(/^workspace:/)
      }
    })
  }
})
