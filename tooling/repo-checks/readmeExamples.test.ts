import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { afterAll, describe, expect, it } from 'vitest'
import { examplesOf, readmesOf, typecheckExamples } from '../scripts/readmeExamples.mjs'

/**
 * Every ```ts block of the READMEs is a whole program a user may paste: each one is typechecked, as an
 * ES module in strict mode, against the built declarations of our packages (`pnpm test` builds first).
 * An example that drifts from the API (a renamed method, a wrong argument) fails here. CI's pack check
 * (tooling/scripts/packCheck.mjs) then runs them against the packed and installed packages.
 */
const root = join(import.meta.dirname, '..', '..')

// The examples are compiled from inside the MCP server package, which depends on every other package of
// ours (and on the MCP SDK its README shows): imports resolve as in a user's project, through node_modules
// and each package's `exports`, to the built declarations. The web surface is no dependency of the MCP
// server: its README's examples are compiled from inside its own package (it imports itself by name).
const hostOf = (readme: string) =>
  join(root, readme.startsWith('packages/surface/') ? 'packages/surface' : 'packages/mcp-server', 'node_modules/.cache')
const works = new Map<string, string>()
const workFor = (readme: string) => {
  const host = hostOf(readme)
  if (!works.has(host)) {
    mkdirSync(host, { recursive: true })
    works.set(host, mkdtempSync(join(host, 'readme-examples-')))
  }
  return works.get(host)!
}
afterAll(() => {
  for (const work of works.values()) rmSync(work, { recursive: true, force: true })
})

const examples = readmesOf(root).flatMap((readme) => examplesOf(root, readme))

describe('the TypeScript examples of the READMEs', () => {
  it('finds examples in the package READMEs', () => {
    expect(examples.length).toBeGreaterThan(2)
  })

  it('says why an example is not run, when it is not', () => {
    const unexplained = examples.filter((e) => !/^(run|bridge|typecheck only, because .+)$/.test(e.directive))
    expect(unexplained.map((e) => `${e.readme}:${e.line}: ${e.directive}`)).toEqual([])
  })

  it('typechecks every one as a strict ES module against the built packages', () => {
    const { files, problems } = typecheckExamples(ts, root, workFor, examples)
    expect(problems, `examples checked: ${[...new Set(files.map((f) => f.example.readme))].join(', ')}`).toEqual([])
  }, 120_000)
})
