/**
 * The ```ts examples of the READMEs, as data: found once here for the repo check that typechecks them
 * against the workspace build (tooling/repo-checks/readmeExamples.test.ts) and for the pack check that
 * typechecks and runs them in a fresh project (tooling/scripts/packCheck.mjs).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The README files of the repo: the root one and each package's and app's.
 *
 * @param {string} root the repo's root folder
 * @returns {string[]} paths relative to root
 */
export function readmesOf(root) {
  return [
    'README.md',
    ...['packages', 'apps'].flatMap((group) =>
      readdirSync(join(root, group)).map((name) => join(group, name, 'README.md')),
    ),
  ].filter((path) => existsSync(join(root, path)))
}

/**
 * @typedef {object} Example
 * @property {string} readme the README it is in, relative to the root
 * @property {number} line the 1-based line of its first code line
 * @property {string} code the block's text
 * @property {string} directive `run` unless the line before the fence is `<!-- example: … -->`
 */

/**
 * The ```ts blocks of one README, with the `<!-- example: … -->` directive on the line before each fence.
 *
 * @param {string} root the repo's root folder
 * @param {string} readme a path relative to root
 * @returns {Example[]}
 */
export function examplesOf(root, readme) {
  const lines = readFileSync(join(root, readme), 'utf8').split('\n')
  const blocks = []
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i])) continue
    let before = i - 1
    while (before >= 0 && lines[before].trim() === '') before--
    const directive = /^<!--\s*example:\s*(.+?)\s*-->$/.exec(lines[before] ?? '')?.[1] ?? 'run'
    const start = i + 1
    let end = start
    while (end < lines.length && !/^```\s*$/.test(lines[end])) end++
    blocks.push({ readme, line: start + 1, code: lines.slice(start, end).join('\n'), directive })
    i = end
  }
  return blocks
}

/**
 * Writes each example as an ES module file in `dir` and typechecks them all in strict mode; imports resolve
 * from `dir` through node_modules and each package's `exports`, as in a user's project.
 *
 * @param {typeof import('typescript')} ts the TypeScript compiler API
 * @param {string} root the repo's root folder (for @types/node)
 * @param {string | ((readme: string) => string)} dir where the example files go (or a folder per README)
 * @param {readonly Example[]} examples
 * @returns {{ files: { file: string, example: Example }[], problems: string[] }} the files written and one line per problem, `README.md:12: …`
 */
export function typecheckExamples(ts, root, dir, examples) {
  const files = examples.map((example, i) => {
    const folder = typeof dir === 'string' ? dir : dir(example.readme)
    const file = join(folder, `${example.readme.replace(/[/.]/g, '_')}_line${example.line}_${i}.mts`)
    // `export {}` makes even an import-free block a module, where top-level await is allowed.
    writeFileSync(file, `${example.code}\nexport {}\n`)
    return { file, example }
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
    return `${source.example.readme}:${source.example.line + line}: ${text}`
  })
  return { files, problems }
}
