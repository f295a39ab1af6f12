import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import { decodePacket, encodePacket, messagesOf } from '@live/protocol'
import { createLiveSet, createVirtualClock } from '@live/simulator'
import { expect, it } from 'vitest'
// @ts-expect-error build.mjs is plain JavaScript without types
import { build } from '../build.mjs'
import { fromBase64, toBase64 } from '../src/base64.js'
import { createFakeLiveApi, createMaxStandIns } from './fakeMaxLiveApi.js'

it('dist/live-bridge.js runs as Max runs it: top-level handlers, globals LiveAPI, outlet and post, no imports', async () => {
  const out = await build(await mkdtemp(join(tmpdir(), 'm4l-bundle-')))
  const code = await readFile(join(out, 'live-bridge.js'), 'utf8')
  expect(code).not.toMatch(/\brequire\(|^import /m)
  const set = createLiveSet({ clock: createVirtualClock() })
  const max = createMaxStandIns()
  const context: Record<string, unknown> = {
    LiveAPI: createFakeLiveApi(set),
    outlet: max.outlet,
    post: max.post,
    messagename: 'bogus',
  }
  runInNewContext(code, context)
  expect([context.inlets, context.outlets]).toEqual([1, 4])
  const call = (name: string, ...args: unknown[]) => (context[name] as (...a: unknown[]) => void)(...args)
  call('datagram', '127.0.0.1', 50000, toBase64(encodePacket({ address: '/live/test', types: '', args: [] })))
  expect(max.outlets[0]).toEqual([])
  call('init')
  const sent = max.outlets[0]!.map((atoms) => {
    const [m] = messagesOf(decodePacket(fromBase64(String(atoms[3]))))
    return [atoms[1], atoms[2], m!.address, ...m!.args]
  })
  expect(sent).toEqual([
    ['127.0.0.1', 11001, '/live/startup'],
    ['127.0.0.1', 11001, '/live/application/get/average_process_usage'],
    ['127.0.0.1', 50000, '/live/test', 'ok'],
  ])
  expect(max.outlets[3]).toEqual([['set', 'ready']])
  call('anything', 'hello')
  expect(max.posts).toEqual(['live-bridge: unknown message bogus hello\n'])
  set.dispose()
})
