import { createInterface } from 'node:readline'
import type { LiveClient } from '@live/client'
import { type Address, catalogue, findEntry, isLiveError } from '@live/protocol'
import type { CommandGroup } from '../cli/context.js'

/** Splits a typed line into words, keeping "quoted strings" whole. */
export function splitWords(line: string): string[] {
  return [...line.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '')
}

/** Turns typed words into arguments by the catalogue's parameter types (ints, floats, bools, strings). */
export function coerceArgs(address: string, words: readonly string[]): unknown[] {
  const params = findEntry(address)?.params ?? []
  return words.map((word, i) => {
    const type = (params[Math.min(i, params.length - 1)] ?? { type: 'any' }).type
    if (type === 'string') return word
    if (type === 'bool') return /^(1|true|on|yes|t)$/i.test(word)
    if (word === '*' || Number.isNaN(Number(word))) return word
    return type === 'int' ? Math.trunc(Number(word)) : Number(word)
  })
}

/** Completes an address from the catalogue (or a command word). */
export function completeAddress(line: string): [string[], string] {
  const words = ['help', 'exit', ...catalogue.filter((e) => e.pseudo !== true).map((e) => e.address)]
  const hits = words.filter((w) => w.startsWith(line))
  return [hits.length > 0 ? hits : words.filter((w) => w.startsWith('/live/')), line]
}

async function evaluate(live: LiveClient, line: string): Promise<string> {
  const [address, ...rest] = splitWords(line)
  if (address === undefined) return ''
  const entry = findEntry(address)
  if (entry === undefined) return `unknown address ${address}: press Tab to complete addresses`
  const args = coerceArgs(address, rest)
  const started = Date.now()
  if (entry.reply === null || entry.kind === 'set' || entry.kind === 'stop_listen') {
    await live.send(address as Address, args as never)
    return `sent ${address} ${args.map((a) => JSON.stringify(a)).join(' ')}`.trimEnd()
  }
  const reply = await live.request(address as Address, args as never)
  const names = (entry.reply ?? []).map((p) => p.name)
  const values = (reply ?? []) as unknown[]
  const shown = values.map((v, i) => `${names[Math.min(i, names.length - 1)] ?? `#${i}`}=${JSON.stringify(v)}`)
  return `${address} → ${shown.join(' ')}  (${Date.now() - started} ms)`
}

/** `live console`: type OSC addresses and arguments, read the typed replies. */
export const console: CommandGroup = {
  async console(ctx) {
    const live = await ctx.client()
    const { c } = ctx.out
    const rl = createInterface({
      input: process.stdin,
      output: process.stdout,
      completer: completeAddress,
      prompt: c.cyan('live> '),
      terminal: process.stdin.isTTY === true,
    })
    if (process.stdin.isTTY) {
      ctx.out.line(
        `OSC console to ${ctx.connection.host}:${ctx.connection.port}. Type an address and arguments (Tab completes), e.g. /live/song/get/tempo. Ctrl-D quits.`,
      )
    }
    rl.prompt()
    const lines: string[] = []
    let busy = Promise.resolve()
    await new Promise<void>((resolve) => {
      ctx.signal.addEventListener('abort', () => rl.close(), { once: true })
      rl.on('close', () => void busy.then(resolve))
      rl.on('line', (line) => {
        lines.push(line)
        busy = busy.then(async () => {
          const text = line.trim()
          if (text === 'exit' || text === 'quit') return void rl.close()
          if (text === 'help')
            ctx.out.line(
              'Type an OSC address then its arguments: /live/track/set/volume 0 0.7. Strings with spaces go in quotes.',
            )
          else if (text !== '') {
            try {
              ctx.out.line(await evaluate(live, text))
            } catch (error) {
              ctx.out.line(c.red(isLiveError(error) ? `${error.code}: ${error.shortMessage}` : String(error)))
            }
          }
          rl.prompt()
        })
      })
    })
    if (ctx.out.json) ctx.out.result('', { lines: lines.length })
  },
}
