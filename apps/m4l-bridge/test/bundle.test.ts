import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import { decodePacket, encodePacket, messagesOf } from '@live/protocol'
import { createLiveSet, createVirtualClock } from '@live/simulator'
import { expect, it } from 'vitest'
// @ts-expect-error build.mjs is plain JavaScript without types
import { build } from '../build.mjs'
import { fromParts, toParts } from '../src/bytes.js'
import { createFakeLiveApi, createMaxStandIns } from './fakeMaxLiveApi.js'

it('dist/live-bridge.js runs as Max runs it: top-level handlers, a bare LiveAPI that globalThis lacks, no imports', async () => {
  const out = await build(await mkdtemp(join(tmpdir(), 'm4l-bundle-')))
  const code = await readFile(join(out, 'live-bridge.js'), 'utf8')
  expect(code).not.toMatch(/\brequire\(|^import /m)
  const set = createLiveSet({ clock: createVirtualClock() })
  const max = createMaxStandIns()
  const context: Record<string, unknown> = {
    __LiveAPI: createFakeLiveApi(set),
    outlet: max.outlet,
    post: max.post,
    messagename: 'bogus',
    max: { version: '9.0.7', os: 'windows' },
  }
  // In Max, globalThis is jsthis (https://docs.cycling74.com/apiref/js/global-globalthis/): LiveAPI is a global
  // binding that is not a property of it. A lexical global stands in for that.
  runInNewContext(`const LiveAPI = __LiveAPI;\n${code}`, context)
  expect(context.LiveAPI).toBeUndefined()
  expect([context.inlets, context.outlets]).toEqual([1, 5])
  const call = (name: string, ...args: unknown[]) => (context[name] as (...a: unknown[]) => void)(...args)
  call('datagram', '127.0.0.1', 50000, ...toParts(encodePacket({ address: '/live/test', types: '', args: [] }))[0]!)
  call('init')
  expect(max.outlets[0]).toEqual([])
  call('ready')
  expect(max.outlets[4]).toEqual([['bang']])
  expect(max.outlets[0]![0]).toEqual(['listen', 11002])
  const sent = max.outlets[0]!.slice(1).map((atoms) => {
    const [m] = messagesOf(decodePacket(fromParts([atoms.slice(3)])))
    return [atoms[0], atoms[1], atoms[2], m!.address, ...m!.args]
  })
  expect(sent).toEqual([
    ['send', '127.0.0.1', 11001, '/live/startup'],
    ['send', '127.0.0.1', 11001, '/live/application/get/average_process_usage'],
    ['send', '127.0.0.1', 50000, '/live/test', 'ok'],
  ])
  expect(max.outlets[3]).toEqual([['set', 'ready']])
  call('anything', 'hello')
  expect(max.posts).toEqual(['live-bridge: unknown message bogus hello\n'])
  set.dispose()
})
