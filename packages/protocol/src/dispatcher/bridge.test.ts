import { describe, expect, it } from 'vitest'
import { A, B, setup } from './test/harness.js'

describe('flavour bridge', () => {
  it('replies and errors go to the sender and never abort', () => {
    const s = setup('bridge')
    expect(s.send('/live/track/get/name', [99])).toBe('ok')
    s.send('/live/bridge/hello', [], undefined, B)
    expect(s.takeFull().map((o) => [o.message.address, o.message.args, o.to])).toEqual([
      ['/live/error', ['Error handling OSC message: Index out of range'], A],
      ['/live/bridge/hello', ['live-bridge', '1.2.3'], B],
    ])
  })
  it("refuses a live.remote~ move the device would refuse, in the device's words, to the sender", () => {
    const s = setup('bridge')
    s.addDevice(0, 'Op')
    s.send('/live/bridge/remote/parameter', [0, 0, 1, 9], 'iiif', B)
    s.send('/live/bridge/remote/parameter', [7, 0, 1, 0.5], 'iiif')
    s.send('/live/bridge/remote/parameter', [0, '0/1', 1, 0.5], 'isif')
    s.send('/live/bridge/remote/release', [0, 0, 99])
    s.send('/live/bridge/remote/release', [])
    expect(s.takeFull().map((o) => [o.message.args[0], o.to])).toEqual([
      ['/live/bridge/remote/parameter value 9 is out of range: this parameter takes 0 to 1', B],
      ['no parameter 1 on device 0 of track 7', A],
      ['device id 0/1 is not a device index or a chain path like "0/1/2"', A],
      ['no parameter 99 on device 0 of track 0', A],
    ])
  })
  it('listeners are per client: each gets its own updates', () => {
    const s = setup('bridge')
    s.send('/live/song/start_listen/tempo', [], undefined, A)
    s.send('/live/song/start_listen/tempo', [], undefined, B)
    s.send('/live/song/stop_listen/tempo', [], undefined, A)
    s.takeFull()
    s.send('/live/song/set/tempo', [90])
    expect(s.takeFull().map((o) => [o.message.args, o.to])).toEqual([[[90], B]])
  })
  it('send listener, return and master tracks, device listeners with ids', () => {
    const s = setup('bridge')
    s.addDevice(0, 'Op')
    s.send('/live/track/start_listen/send', [0, 1])
    s.send('/live/track/set/send', [0, 1, 0.5], 'iif')
    s.send('/live/return/get/volume', [1])
    s.send('/live/return/get/name', [0])
    s.send('/live/master/set/volume', [0.5], 'f')
    s.send('/live/master/get/volume')
    s.send('/live/master/get/cue_volume')
    s.send('/live/device/start_listen/name', [0, 0])
    s.send('/live/song/get/num_return_tracks')
    expect(s.take()).toEqual([
      '/live/track/get/send iif 0 1 0',
      '/live/track/get/send iif 0 1 0.5',
      '/live/return/get/volume if 1 0.85',
      '/live/return/get/name is 0 "A-Reverb"',
      '/live/master/get/volume f 0.5',
      '/live/master/get/cue_volume f 0.85',
      '/live/device/get/name iis 0 0 "Op"',
      '/live/song/get/num_return_tracks i 2',
    ])
  })
  it('nested devices by chain path', () => {
    const s = setup('bridge')
    const rack = s.addDevice(0, 'Rack')
    rack.lists.chains = [
      s.node('Chain', { name: 'Chain 1' }, { devices: [s.node('Device', { name: 'Inner' }, { parameters: [] })] }),
    ]
    s.send('/live/device/get/name', [0, '0/0/0'])
    s.send('/live/device/get/chains/name', [0, 0])
    expect(s.take()).toEqual([
      '/live/device/get/name iss 0 "0/0/0" "Inner"',
      '/live/device/get/chains/name iis 0 0 "Chain 1"',
    ])
  })
  it('path-indexed aliases', () => {
    const s = setup('bridge')
    s.addClip(0, 1)
    s.addDevice(0, 'Op')
    s.send('/live/track/0/set/volume', [0.8], 'f')
    s.send('/live/track/0/get/volume')
    s.send('/live/track/0/clip/1/fire')
    s.send('/live/track/0/clip/1/stop')
    s.send('/live/track/0/device/0/set/parameters/1', [0.25], 'f')
    s.send('/live/track/0/device/0/get/parameters/1')
    s.send('/live/query/song/tracks')
    s.send('/live/query/song/scenes')
    s.send('/live/query/track/0/devices')
    expect(s.take()).toEqual([
      '/live/track/0/get/volume f 0.8',
      '/live/track/0/device/0/get/parameters/1 f 0.25',
      '/live/query/song/tracks issss 4 "1-MIDI" "2-MIDI" "3-Audio" "4-Audio"',
      '/live/query/song/scenes issssssss 8 "1" "2" "3" "4" "5" "6" "7" "8"',
      '/live/query/track/0/devices is 1 "Op"',
    ])
    expect(
      s.calls.filter((c) => c.method === 'fire' || c.method === 'stop').map((c) => `${c.method} ${c.path}`),
    ).toEqual(['fire live_set tracks 0 clip_slots 1 clip', 'stop live_set tracks 0 clip_slots 1 clip'])
  })
  it('reload has no KeyError bug', () => {
    const s = setup('bridge')
    s.send('/live/track/start_listen/volume', [0])
    s.take()
    s.send('/live/api/reload')
    s.send('/live/song/get/tempo')
    expect(s.take()).toEqual([
      '/live/startup ',
      '/live/application/get/average_process_usage ',
      '/live/song/get/tempo f 120',
    ])
  })
})
