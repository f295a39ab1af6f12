#!/usr/bin/env node
// The live command: a stable file for package managers to link before dist/ exists. From a checkout
// (scripts/ beside it; they are not published) it first rebuilds dist/ if a source changed since the last
// build, with progress on stderr only, so stdout carries nothing but the command's own output.
import { existsSync } from 'node:fs'

const checkout = new URL('../scripts/ensureBuilt.mjs', import.meta.url)
if (existsSync(checkout)) (await import(checkout.href)).ensureBuilt(new URL('..', import.meta.url))
await import('../dist/live.js')
