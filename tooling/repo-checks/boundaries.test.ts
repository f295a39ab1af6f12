import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The one direction of dependencies (shared/ARCHITECTURE.md), checked on the source: which
 * workspace packages each package may import, and which may touch `node:*` at all.
 */
const root = join(import.meta.dirname, '..', '..')

const allowedImports: Record<string, readonly string[]> = {
  '@live/protocol': [],
  '@live/transport-udp': ['@live/protocol'],
  '@live/client': ['@live/protocol'],
  '@live/simulator': ['@live/protocol'],
  '@live/workflows': ['@live/client', '@live/protocol'],
  // The simulator only behind `live-mcp --sim`, loaded lazily: anyone can try the server with no Live.
  '@live/mcp-server': ['@live/workflows', '@live/client', '@live/protocol', '@live/transport-udp', '@live/simulator'],
  // The web surface behind `live ui`: a server over the client's watchers, and the page it builds and serves.
  '@live/surface': ['@live/client', '@live/protocol', '@live/transport-udp'],
}

/** Packages whose runtime code must run outside Node (browsers, Max's JavaScript engine). */
const noNodeBuiltins = new Set(['@live/protocol', '@live/client', '@live/workflows'])

/** Folders of Node-free packages that may touch node:* anyway: a separate `./node` entry point. */
const nodeOnlyFolders = ['packages/workflows/src/node/']

/** Folders of code that runs in a browser, whatever its package: no node:*, and of ours only what browsers run. */
const browserFolders: Record<string, readonly string[]> = {
  'packages/surface/src/page/': ['@live/protocol'],
  'packages/surface/src/shared/': [],
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path))
    else if (/\.tsx?$/.test(name) && !/\.test(-d)?\.tsx?$/.test(name)) out.push(path)
  }
  return out
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const specifiers: string[] = []
  for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g)) {
    specifiers.push(match[1]!)
  }
  for (const match of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) specifiers.push(match[1]!)
  return specifiers
}

const packages = readdirSync(join(root, 'packages'))
  .map((dir) => join(root, 'packages', dir))
  .filter((dir) => existsSync(join(dir, 'package.json')))
  .map((dir) => ({ dir, name: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name as string }))

describe('package boundaries', () => {
  it('knows every package in packages/', () => {
    for (const { name } of packages) expect(Object.keys(allowedImports)).toContain(name)
  })

  for (const { dir, name } of packages) {
    it(`${name} imports only what the architecture allows`, () => {
      const violations: string[] = []
      for (const file of sourceFiles(join(dir, 'src'))) {
        for (const specifier of importsOf(file)) {
          const where = relative(root, file)
          if (
            specifier.startsWith('@live/') &&
            !allowedImports[name]?.includes(specifier.split('/').slice(0, 2).join('/'))
          ) {
            violations.push(`${where} imports ${specifier}`)
          }
          const builtin = specifier.startsWith('node:')
          if (builtin && noNodeBuiltins.has(name) && !nodeOnlyFolders.some((folder) => where.startsWith(folder))) {
            violations.push(`${where} imports ${specifier} (this package must run outside Node)`)
          }
          const browser = Object.entries(browserFolders).find(([folder]) => where.startsWith(folder))
          if (browser !== undefined) {
            const ours = specifier.startsWith('@live/') && !browser[1].includes(specifier)
            if (builtin || ours) violations.push(`${where} imports ${specifier} (this code runs in a browser)`)
          }
        }
      }
      expect(violations).toEqual([])
    })

    it(`${name} declares every workspace package it imports`, () => {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
      const declared = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })
      const used = new Set<string>()
      for (const file of sourceFiles(join(dir, 'src'))) {
        for (const specifier of importsOf(file)) {
          if (specifier.startsWith('@live/')) used.add(specifier.split('/').slice(0, 2).join('/'))
        }
      }
      expect([...used].filter((dep) => !declared.includes(dep))).toEqual([])
    })
  }
})
