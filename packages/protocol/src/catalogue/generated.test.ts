import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { abletonOscEntries } from './generated.js'
import type { CatalogueEntry } from './types.js'

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url))

describe('generated.ts', () => {
  it('is what `pnpm generate` writes from data/abletonosc-catalog.json', () => {
    const run = spawnSync(process.execPath, ['tooling/scripts/generateCatalogue.mjs', '--check'], {
      cwd: repoRoot,
      encoding: 'utf8',
    })
    expect(run.stderr).toBe('')
    expect(run.stdout.trim()).toBe('packages/protocol/src/catalogue/generated.ts is up to date.')
    expect(run.status).toBe(0)
  })

  it('carries every JSON entry, in order, with camelCase keys (plus the structural flag, tested in structural.test.ts)', () => {
    const json = JSON.parse(
      readFileSync(new URL('../../data/abletonosc-catalog.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>[]
    expect(abletonOscEntries.map((e) => e.address)).toEqual(json.map((e) => e.address))
    const fromJson = json.map((e) => ({
      address: e.address,
      object: e.object,
      kind: e.kind,
      ...(e.pseudo === undefined ? {} : { pseudo: e.pseudo }),
      params: e.params,
      reply: e.reply,
      ...(e.reply_address === undefined ? {} : { replyAddress: e.reply_address }),
      ...(e.listenable_in_live === undefined ? {} : { listenable: e.listenable_in_live }),
      notes: e.notes,
      source: e.source,
      inReadme: e.in_readme,
    }))
    expect((abletonOscEntries as readonly CatalogueEntry[]).map(({ structural: _, ...entry }) => entry)).toEqual(
      fromJson,
    )
  })
})
