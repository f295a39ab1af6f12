import { decodePacket, encodePacket, messagesOf, type OscMessage, resolveExportPath } from '@live/protocol'
import { createLiveSet, createVirtualClock } from '@live/simulator'
import { describe, expect, it } from 'vitest'
import { fromParts, toParts } from '../src/bytes.js'
import { createMaxDevice } from '../src/maxDevice.js'
import { createFakeLiveApi, createMaxStandIns } from './fakeMaxLiveApi.js'

const CLIENT = { address: '127.0.0.1', port: 50123 }

function device(folder?: string, which: 'default' | 'demo' = 'default') {
  const set = createLiveSet({ set: which, clock: createVirtualClock() })
  const max = createMaxStandIns()
  const LiveAPI = createFakeLiveApi(set)
  const dev = createMaxDevice({ outlet: max.outlet, post: max.post }, { LiveAPI })
  if (folder !== undefined) dev.exportfolder(...folder.split(' '))
  dev.init()
  dev.ready()
  for (const o of max.outlets) o.splice(0)
  const ask = (address: string, args: OscMessage['args'] = [], types?: string) => {
    const message = { address, types: types ?? args.map((a) => (typeof a === 'string' ? 's' : 'i')).join(''), args }
    dev.datagram(CLIENT.address, CLIENT.port, ...toParts(encodePacket(message))[0]!)
    return replies()
  }
  const replies = () =>
    max.outlets[0]!.splice(0).map((atoms) => {
      expect(atoms.slice(0, 3)).toEqual(['send', CLIENT.address, CLIENT.port])
      const [m] = messagesOf(decodePacket(fromParts([atoms.slice(3)])))
      return [m!.address, ...m!.args]
    })
  return { set, max, dev, ask, replies, LiveAPI }
}

describe('export paths', () => {
  it('resolves inside the folder and refuses what climbs out', () => {
    expect(resolveExportPath('/Users/me/Exports', 'stems/./bass.wav')).toEqual({
      ok: true,
      path: '/Users/me/Exports/stems/bass.wav',
    })
    expect(resolveExportPath('/Users/me/Exports/', '/Users/me/Exports/a/../mix.wav')).toEqual({
      ok: true,
      path: '/Users/me/Exports/mix.wav',
    })
    expect(resolveExportPath('C:\\Music\\Out', 'C:\\Music\\Out\\take.wav')).toEqual({
      ok: true,
      path: 'C:/Music/Out/take.wav',
    })
    expect(resolveExportPath('/Users/me/Exports', '../secrets.wav')).toEqual({
      ok: false,
      error: 'export path ../secrets.wav is outside the export folder /Users/me/Exports',
    })
    expect(resolveExportPath('/Users/me/Exports', '/Users/me/Exports-evil/x.wav').ok).toBe(false)
    expect(resolveExportPath('/Users/me/Exports', '/Users/me/Exports').ok).toBe(false)
    expect(resolveExportPath(undefined, 'x.wav')).toEqual({
      ok: false,
      error: 'export path x.wav refused: no export folder is set in the device',
    })
  })
})

describe('audio export through sfrecord~', () => {
  it('refuses a path outside the folder with /live/error and touches no recorder', () => {
    const { ask, max } = device('/Users/me/My Exports')
    expect(ask('/live/bridge/export/start', ['/etc/passwd', 'wav', 4])).toEqual([
      [
        '/live/error',
        '/live/bridge/export/start: export path /etc/passwd is outside the export folder /Users/me/My Exports',
      ],
    ])
    expect(max.outlets[1]).toEqual([])
  })

  it('opens the file, arms the next bar and the end bar, then reports recording and done', () => {
    const { ask, max, dev, set } = device('/Users/me/My Exports')
    set.set('live_set', 'current_song_time', 5)
    expect(ask('/live/bridge/export/start', ['mix.wav', 'wav', 4])).toEqual([
      ['/live/bridge/export/start', '/Users/me/My Exports/mix.wav', 3, 7],
    ])
    expect(max.outlets[1]!.splice(0)).toEqual([
      ['armstart', 0],
      ['armstop', 0],
      ['open', 'wave', '/Users/me/My Exports/mix.wav'],
      ['start', 3, 1, 0],
      ['armstart', 1],
      ['stop', 7, 1, 0],
      ['armstop', 1],
    ])
    expect(ask('/live/bridge/export/start', ['other.aiff', 'aiff'])).toEqual([
      [
        '/live/error',
        '/live/bridge/export/start: an export to /Users/me/My Exports/mix.wav is already armed: send /live/bridge/export/stop first',
      ],
    ])
    dev.exportstarted()
    expect(max.outlets[1]!.splice(0)).toEqual([['armstart', 0]])
    dev.exportstopped()
    expect(max.outlets[1]!.splice(0)).toEqual([['armstop', 0]])
    expect(ask('/live/bridge/export/get/status')).toEqual([
      ['/live/bridge/export/recording', '/Users/me/My Exports/mix.wav'],
      ['/live/bridge/export/done', '/Users/me/My Exports/mix.wav'],
      ['/live/bridge/export/get/status', 'idle'],
    ])
  })

  it('stops at once on /live/bridge/export/stop and refuses a stop with nothing running', () => {
    const { ask, max, set } = device('/Users/me/Exports')
    expect(ask('/live/bridge/export/start', ['take.aif', 'aiff'])).toEqual([
      // Stopped at song time 0: the transport starts on bar 1, and recording with it (no timepoint at bar 1).
      ['/live/bridge/export/start', '/Users/me/Exports/take.aif', 1, 0],
    ])
    expect(max.outlets[1]!.splice(0).slice(2)).toEqual([['open', 'aiff', '/Users/me/Exports/take.aif']])
    expect(ask('/live/bridge/export/stop')).toEqual([['/live/bridge/export/done', '/Users/me/Exports/take.aif']])
    expect(max.outlets[1]).toEqual([['armstart', 0], ['armstop', 0], ['stopnow']])
    // Stopped: the transport starting later does not start a recording.
    set.set('live_set', 'is_playing', true)
    expect(max.outlets[1]).toEqual([['armstart', 0], ['armstop', 0], ['stopnow']])
    expect(ask('/live/bridge/export/stop')).toEqual([
      ['/live/error', '/live/bridge/export/stop: no export is running: nothing to stop'],
    ])
    expect(ask('/live/bridge/export/start', ['x.mp3', 'mp3'])).toEqual([
      ['/live/error', '/live/bridge/export/start: export format mp3 is not supported: use wav or aiff'],
    ])
  })
})

describe('parameters through live.remote~', () => {
  it('gives a slot the parameter id once, then values, and releases it with id 0', () => {
    const { ask, max, set, LiveAPI } = device(undefined, 'demo')
    const path = 'live_set tracks 0 devices 0 parameters 1'
    const min = Number(set.get(path, 'min'))
    const max_ = Number(set.get(path, 'max'))
    const mid = (min + max_) / 2
    expect(ask('/live/bridge/remote/parameter', [0, 0, 1, mid], 'iiif')).toEqual([])
    expect(ask('/live/bridge/remote/parameter', [0, 0, 1, max_], 'iiif')).toEqual([])
    const id = LiveAPI.ids.get(path)
    expect(max.outlets[2]!.splice(0)).toEqual([
      [0, 'id', id!],
      [0, 'value', mid],
      [0, 'value', max_],
    ])
    expect(ask('/live/bridge/remote/parameter', [0, 0, 1, max_ + 1], 'iiif')).toEqual([
      [
        '/live/error',
        `/live/bridge/remote/parameter value ${max_ + 1} is out of range: this parameter takes ${min} to ${max_}`,
      ],
    ])
    expect(ask('/live/bridge/remote/release', [0, 0, 1])).toEqual([])
    expect(max.outlets[2]!.splice(0)).toEqual([[0, 'id', 0]])
    // The release wrote the last value through LiveAPI (live.remote~ leaves the set's value as it was).
    expect(set.get(path, 'value')).toBe(max_)
    expect(ask('/live/bridge/remote/parameter', [0, 0, 999, 0.5], 'iiif')).toEqual([
      ['/live/error', 'no parameter 999 on device 0 of track 0'],
    ])
  })
})

describe('the rest goes to the shared dispatcher', () => {
  it('answers /live/bridge/hello and path-indexed aliases as the bridge flavour does', () => {
    const { ask } = device()
    expect(ask('/live/bridge/hello')).toEqual([['/live/bridge/hello', 'live-bridge', '0.0.0']])
    expect(ask('/live/track/0/get/name')).toEqual([['/live/track/0/get/name', '1-MIDI']])
  })
})
