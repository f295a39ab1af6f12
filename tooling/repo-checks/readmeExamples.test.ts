import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { afterAll, describe, expect, it } from 'vitest'

/**
 * Every ```ts block of the READMEs is a whole program a user may paste: each one is typechecked, as an
 * ES module in strict mode, against the built declarations of our packages (`pnpm test` builds first).
 * An example that drifts from the API (a renamed method, a wrong argument) fails here.
 */
const root = join(import.meta.dirname, '..', '..')

const readmes = [
  'README.md',
  ...['packages', 'apps'].flatMap((group) =>
    readdirSync(join(root, group)).map((name) => join(group, name, 'README.md')),
  ),
].filter((path) => {
  try {
    readFileSync(join(root, path))
    return true
  } catch {
    return false
  }
})

interface Block {
  readonly readme: string
  readonly line: number
  readonly code: string
}

function blocksOf(readme: string): Block[] {
  const lines = readFileSync(join(root, readme), 'utf8').split('\n')
  const blocks: Block[] = []
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i]!)) continue
    const start = i + 1
    let end = start
    while (end < lines.length && !/^```\s*$/.test(lines[end]!)) end++
    blocks.push({ readme, line: start + 1, code: lines.slice(start, end).join('\n') })
    i = end
  }
  return blocks
}

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

const blocks = readmes.flatMap(blocksOf)

describe('the TypeScript examples of the READMEs', () => {
  it('finds examples in the package READMEs', () => {
    expect(blocks.length).toBeGreaterThan(2)
  })

  it('typechecks every one as a strict ES module against the built packages', () => {
    const files = blocks.map((block, i) => {
      const file = join(workFor(block.readme), `${block.readme.replace(/[/.]/g, '_')}_line${block.line}_${i}.mts`)
      // `export {}` makes even an import-free block a module, where top-level await is allowed.
      writeFileSync(file, `${block.code}\nexport {}\n`)
      return { file, block }
    })
    const program = ts.createProgram(
      files.map((f) => f.file),
      {
        target: ts.ScriptTarget.ES2022,
        lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: ['node'],
        typeRoots: [join(root, 'node_modules/@types')],
      },
    )
    const problems = ts.getPreEmitDiagnostics(program).map((d) => {
      const text = ts.flattenDiagnosticMessageText(d.messageText, '\n')
      const source = files.find((f) => f.file === d.file?.fileName)
      if (source === undefined || d.file === undefined || d.start === undefined) return text
      const { line } = d.file.getLineAndCharacterOfPosition(d.start)
      return `${source.block.readme}:${source.block.line + line}: ${text}`
    })
    expect(problems, `examples checked: ${files.map((f) => relative(root, f.block.readme)).join(', ')}`).toEqual([])
  }, 120_000)
})
