/**
 * Interop with liblo, the C implementation most OSC tools are built on: `oscdump` prints what it
 * receives from our encoder over real UDP, and `oscsend` sends to a socket we decode with ours.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import dgram from 'node:dgram'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodePacket } from '../../src/osc/decode.js'
import { encodePacket } from '../../src/osc/encode.js'
import { type DecodedOscMessage, IMMEDIATELY, type OscPacket } from '../../src/osc/types.js'

function findTool(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name)
    if (dir !== '' && existsSync(candidate)) return candidate
  }
  return undefined
}

/** The tool's path, or a failure that says how to get it: these tests must not silently skip. */
function requireTool(name: 'oscdump' | 'oscsend'): string {
  const found = findTool(name)
  if (found === undefined) {
    throw new Error(
      `${name} is not installed: the liblo interop tests need liblo-tools. Install it with \`sudo apt-get install liblo-tools\` (CI installs it; on macOS: \`brew install liblo\`).`,
    )
  }
  return found
}

/** A UDP port that was free a moment ago (oscdump cannot be told to pick one itself). */
async function freeUdpPort(): Promise<number> {
  const socket = dgram.createSocket('udp4')
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve))
  const { port } = socket.address()
  await new Promise<void>((resolve) => socket.close(() => resolve()))
  return port
}

describe('liblo oscdump reads our packets', () => {
  let dump: ChildProcess | undefined
  let output = ''
  let port = 0
  const sender = dgram.createSocket('udp4')

  beforeAll(async () => {
    const oscdump = requireTool('oscdump')
    port = await freeUdpPort()
    dump = spawn(oscdump, ['-L', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] })
    dump.stdout!.setEncoding('utf8')
    dump.stdout!.on('data', (chunk: string) => {
      output += chunk
    })
    // oscdump says nothing when it is ready: probe until a probe comes back.
    const probe = encodePacket({ address: '/probe', args: [] })
    for (let attempt = 0; attempt < 100 && !output.includes('/probe'); attempt++) {
      sender.send(probe, port, '127.0.0.1')
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    if (!output.includes('/probe')) throw new Error(`oscdump did not start on UDP port ${port}: ${output}`)
  })

  afterAll(() => {
    dump?.kill()
    sender.close()
  })

  async function dumped(packet: OscPacket, lines: number): Promise<string[]> {
    output = ''
    sender.send(encodePacket(packet), port, '127.0.0.1')
    for (let i = 0; i < 100 && output.split('\n').length <= lines; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    // Each line starts with the time tag in hex; the rest is address, types and values.
    return output
      .trimEnd()
      .split('\n')
      .map((line) => line.replace(/^\S+ /, ''))
  }

  it('prints the tempo message', async () => {
    expect(await dumped({ address: '/live/song/set/tempo', types: 'f', args: [120] }, 1)).toEqual([
      '/live/song/set/tempo f 120.000000',
    ])
  })

  it('prints UTF-8 strings as sent', async () => {
    expect(await dumped({ address: '/live/track/get/name', types: 'is', args: [3, 'Bässe 🎹 Ω'] }, 1)).toEqual([
      '/live/track/get/name is 3 "Bässe 🎹 Ω"',
    ])
  })

  it('prints every liblo type', async () => {
    const packet = {
      address: '/all',
      types: 'ifsSbhdcTFNIm',
      args: [
        -7,
        2.5,
        'héllo',
        'sym',
        new Uint8Array([1, 2, 3]),
        5n,
        1.5,
        'x',
        true,
        false,
        null,
        Infinity,
        new Uint8Array([0, 0x90, 64, 127]),
      ],
    }
    expect(await dumped(packet, 1)).toEqual([
      // oscdump prints a symbol with only an opening quote and a blob as its size and bytes.
      `/all ifsSbhdcTFNIm -7 2.500000 "héllo" 'sym [3b 0x1 0x2 0x3] 5 1.500000 'x' #T #F Nil Infinitum MIDI [0x00 0x90 0x40 0x7f]`,
    ])
  })

  it('prints each message of a bundle', async () => {
    const bundle = {
      timeTag: IMMEDIATELY,
      elements: [
        { address: '/live/track/set/volume', types: 'if', args: [0, 0.5] },
        { address: '/live/track/set/volume', types: 'if', args: [1, 0.25] },
      ],
    }
    expect(await dumped(bundle, 2)).toEqual([
      '/live/track/set/volume if 0 0.500000',
      '/live/track/set/volume if 1 0.250000',
    ])
  })
})

describe('liblo oscsend writes packets we decode', () => {
  async function received(args: string[]): Promise<unknown> {
    const oscsend = requireTool('oscsend')
    const socket = dgram.createSocket('udp4')
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve))
    try {
      const message = new Promise<Buffer>((resolve) => socket.once('message', resolve))
      // 127.0.0.1 rather than localhost, which may resolve to ::1 while we listen on IPv4.
      await new Promise<void>((resolve, reject) =>
        execFile(oscsend, ['127.0.0.1', String(socket.address().port), ...args], (error) =>
          error ? reject(error) : resolve(),
        ),
      )
      return decodePacket(await message)
    } finally {
      socket.close()
    }
  }

  it('decodes oscsend /addr ifs 1 2.5 héllo', async () => {
    expect(await received(['/addr', 'ifs', '1', '2.5', 'héllo'])).toEqual({
      address: '/addr',
      types: 'ifs',
      args: [1, 2.5, 'héllo'],
    })
  })

  it('decodes h, d, S, c, T, F, N, I and m from oscsend', async () => {
    const message = (await received(['/more', 'hdScTFNIm', '-5', '0.125', 'sym', 'x', '0090407f'])) as DecodedOscMessage
    expect(message.address).toBe('/more')
    expect(message.types).toBe('hdScTFNIm')
    expect(message.args.slice(0, 8)).toEqual([-5n, 0.125, 'sym', 'x', true, false, null, Infinity])
    // MIDI is a view of the datagram (a Buffer here): compare its bytes.
    expect(Array.from(message.args[8] as Uint8Array)).toEqual([0x00, 0x90, 0x40, 0x7f])
  })
})
