#!/usr/bin/env node
/**
 * Generates packages/protocol/src/catalogue/generated.ts from packages/protocol/data/abletonosc-catalog.json:
 * the entries as an `as const` array plus interfaces mapping each address to its labelled argument
 * and reply tuples (cheap for tsc: no conditional types over the whole catalogue).
 *
 * Usage: `pnpm generate` (writes) or `node tooling/scripts/generateCatalogue.mjs --check`
 * (exits 1 when the committed file differs from what would be generated).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const inputPath = join(root, 'packages/protocol/data/abletonosc-catalog.json')
const outputPath = join(root, 'packages/protocol/src/catalogue/generated.ts')

const ENTRY_KEYS = new Set([
  'address',
  'object',
  'kind',
  'pseudo',
  'params',
  'reply',
  'reply_address',
  'listenable_in_live',
  'notes',
  'source',
  'in_readme',
])
const PARAM_KEYS = ['name', 'type', 'optional', 'variadic', 'wildcard', 'group', 'nullable', 'note']
const TS_TYPES = {
  int: 'number',
  float: 'number',
  bool: 'boolean',
  string: 'string',
  any: 'number | string | boolean | null',
}

/**
 * Which AbletonOSC addresses change the set's shape (they get `structural: true`): a call whose last
 * word creates, deletes, duplicates, inserts or moves objects, or undoes, redoes or reloads. The data
 * JSON mirrors shared/protocol and says nothing of this, so the rule lives here, reviewed by hand:
 * `STRUCTURAL_EXCEPTIONS` overrides it either way, with the reason.
 */
const STRUCTURAL_VERB = /(?:^|_)(?:create|delete|duplicate|insert|move|undo|redo|reload)(?:_|$)/
const STRUCTURAL_EXCEPTIONS = new Map([
  // Doubles the loop inside one clip (its notes and loop_end): no object appears, goes or moves.
  ['/live/clip/duplicate_loop', false],
  // Capture MIDI inserts a new clip holding what was just played (Live's Song.capture_midi).
  ['/live/song/capture_midi', true],
])

function isStructural(entry) {
  const exception = STRUCTURAL_EXCEPTIONS.get(entry.address)
  if (exception !== undefined) return exception
  const word = entry.address.slice(entry.address.lastIndexOf('/') + 1)
  return entry.kind === 'call' && STRUCTURAL_VERB.test(word)
}

/** snake_case → camelCase, for tuple labels. */
function camel(name) {
  return name.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase())
}

function fail(message) {
  throw new Error(`generateCatalogue: ${message}`)
}

function checkParams(address, list, where) {
  if (!Array.isArray(list)) fail(`${address}: ${where} is not an array`)
  for (const param of list) {
    for (const key of Object.keys(param)) if (!PARAM_KEYS.includes(key)) fail(`${address}: unknown param key ${key}`)
    if (!(param.type in TS_TYPES)) fail(`${address}: unknown type ${param.type}`)
    if (!/^[a-z][a-z0-9_]*$/.test(param.name)) fail(`${address}: bad param name ${param.name}`)
  }
}

function renderParam(param) {
  const parts = [`name: ${JSON.stringify(param.name)}`, `type: ${JSON.stringify(param.type)}`]
  for (const key of PARAM_KEYS.slice(2)) {
    if (param[key] !== undefined) parts.push(`${key}: ${JSON.stringify(param[key])}`)
  }
  return `{ ${parts.join(', ')} }`
}

function renderParamList(list, indent) {
  if (list.length === 0) return '[]'
  const pad = ' '.repeat(indent + 2)
  return `[\n${list.map((p) => `${pad}${renderParam(p)},\n`).join('')}${' '.repeat(indent)}]`
}

function renderEntry(entry) {
  for (const key of Object.keys(entry)) if (!ENTRY_KEYS.has(key)) fail(`${entry.address}: unknown key ${key}`)
  checkParams(entry.address, entry.params, 'params')
  if (entry.reply !== null) checkParams(entry.address, entry.reply, 'reply')
  const lines = [
    `address: ${JSON.stringify(entry.address)}`,
    `object: ${JSON.stringify(entry.object)}`,
    `kind: ${JSON.stringify(entry.kind)}`,
  ]
  if (entry.pseudo === true) lines.push('pseudo: true')
  lines.push(`params: ${renderParamList(entry.params, 4)}`)
  lines.push(`reply: ${entry.reply === null ? 'null' : renderParamList(entry.reply, 4)}`)
  if (entry.reply_address !== undefined) lines.push(`replyAddress: ${JSON.stringify(entry.reply_address)}`)
  if (entry.listenable_in_live !== undefined) lines.push(`listenable: ${JSON.stringify(entry.listenable_in_live)}`)
  lines.push(`notes: ${JSON.stringify(entry.notes)}`)
  lines.push(`source: ${JSON.stringify(entry.source)}`)
  lines.push(`inReadme: ${JSON.stringify(entry.in_readme)}`)
  if (isStructural(entry)) lines.push('structural: true')
  return `  {\n${lines.map((l) => `    ${l},\n`).join('')}  },\n`
}

function valueType(param) {
  const base = TS_TYPES[param.type]
  if (param.nullable !== true) return base
  return param.type === 'any' ? base : `${base} | null`
}

/** One labelled tuple type; an optional group is rendered either absent or fully present. */
function renderTuple(list, { dropOptionalGroup, includeOptionalGroup } = {}) {
  const items = []
  let i = 0
  while (i < list.length) {
    const param = list[i]
    if (param.variadic === true) {
      const run = [param]
      while (list[i + run.length]?.variadic === true && param.group !== undefined) {
        if (list[i + run.length].group !== param.group) break
        run.push(list[i + run.length])
      }
      const label = param.group ?? param.name
      const types = [...new Set(run.map(valueType).flatMap((t) => t.split(' | ')))]
      const union = types.length === 1 ? types[0] : `(${types.join(' | ')})`
      items.push(`...${camel(label)}: ${union}[]`)
      i += run.length
      continue
    }
    if (param.optional === true && param.group !== undefined) {
      if (dropOptionalGroup) {
        i += 1
        continue
      }
      if (includeOptionalGroup) {
        items.push(`${camel(param.name)}: ${valueType(param)}`)
        i += 1
        continue
      }
    }
    const label = `${camel(param.name)}${param.optional === true ? '?' : ''}`
    items.push(`${label}: ${valueType(param)}`)
    i += 1
  }
  return `[${items.join(', ')}]`
}

function tupleType(list) {
  if (list === null) return 'undefined'
  const hasOptionalGroup = list.some((p) => p.optional === true && p.group !== undefined && p.variadic !== true)
  if (!hasOptionalGroup) return renderTuple(list)
  return `${renderTuple(list, { dropOptionalGroup: true })} | ${renderTuple(list, { includeOptionalGroup: true })}`
}

function generate(json) {
  const entries = JSON.parse(json)
  if (!Array.isArray(entries)) fail('the catalogue is not an array')
  const seen = new Set()
  for (const entry of entries) {
    if (seen.has(entry.address)) fail(`duplicate address ${entry.address}`)
    seen.add(entry.address)
  }
  for (const address of STRUCTURAL_EXCEPTIONS.keys()) {
    if (!seen.has(address)) fail(`STRUCTURAL_EXCEPTIONS names ${address}, which the catalogue lacks`)
  }
  const addressed = entries.filter((entry) => entry.pseudo !== true)
  const out = []
  out.push('// Generated by tooling/scripts/generateCatalogue.mjs from packages/protocol/data/abletonosc-catalog.json.')
  out.push('// Do not edit: change the JSON (or the generator) and run `pnpm generate`.')
  out.push("import type { CatalogueEntry } from './types.js'")
  out.push('')
  out.push(`/** Every address AbletonOSC registers (${entries.length} entries, in the catalogue's order), as data. */`)
  out.push('export const abletonOscEntries = [')
  out.push(entries.map(renderEntry).join('').replace(/\n$/, ''))
  out.push('] as const satisfies readonly CatalogueEntry[]')
  out.push('')
  out.push('/** The argument tuple of every AbletonOSC address (the pseudo `#bundle` entry is not an address). */')
  out.push('export interface AbletonOscArgsMap {')
  for (const entry of addressed) out.push(`  ${JSON.stringify(entry.address)}: ${tupleType(entry.params)}`)
  out.push('}')
  out.push('')
  out.push('/** The reply (or event) tuple of every AbletonOSC address, `undefined` when nothing is sent back. */')
  out.push('export interface AbletonOscReplyMap {')
  for (const entry of addressed) out.push(`  ${JSON.stringify(entry.address)}: ${tupleType(entry.reply)}`)
  out.push('}')
  out.push('')
  return out.join('\n')
}

function main() {
  const check = process.argv.includes('--check')
  const expected = generate(readFileSync(inputPath, 'utf8'))
  const where = relative(root, outputPath)
  if (check) {
    let actual = ''
    try {
      actual = readFileSync(outputPath, 'utf8')
    } catch {
      actual = ''
    }
    if (actual !== expected) {
      console.error(`${where} is stale: run \`pnpm generate\` and commit the result.`)
      process.exit(1)
    }
    console.log(`${where} is up to date.`)
    return
  }
  writeFileSync(outputPath, expected)
  console.log(`wrote ${where}`)
}

main()
