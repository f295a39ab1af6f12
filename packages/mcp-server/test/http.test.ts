import { type ChildProcess, spawn } from 'node:child_process'
import { request } from 'node:http'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { afterEach, describe, expect, it } from 'vitest'
import { BIN, BUILT_BIN } from './mcpHarness.js'

/** Starts `live-mcp --sim --http 0` (from source, or the built bundle) and resolves with the URL it prints on stderr. */
function startHttpServer(from: 'source' | 'built' = 'source'): Promise<{ child: ChildProcess; url: URL }> {
  const command = from === 'built' ? [BUILT_BIN] : ['--import', 'tsx', BIN]
  const child = spawn(process.execPath, [...command, '--sim', '--http', '0'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    let stderr = ''
    const timer = setTimeout(() => reject(new Error(`live-mcp --http printed no URL within 15 s:\n${stderr}`)), 15_000)
    child.stderr?.setEncoding('utf8')
    child.stderr?.on('data', (chunk: string) => {
      stderr += chunk
      const match = /Streamable HTTP on (http:\/\/\S+\/mcp)/.exec(stderr)
      if (match?.[1] !== undefined) {
        clearTimeout(timer)
        resolve({ child, url: new URL(match[1]) })
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`live-mcp --http exited with ${code}:\n${stderr}`))
    })
  })
}

let running: ChildProcess | undefined

afterEach(() => {
  running?.kill('SIGTERM')
  running = undefined
})

describe('live-mcp --http', () => {
  it.each(['source', 'built'] as const)('serves the tools over Streamable HTTP on 127.0.0.1 (%s)', async (from) => {
    const { child, url } = await startHttpServer(from)
    running = child
    expect(url.hostname).toBe('127.0.0.1')
    const client = new Client({ name: 'http-test', version: '1.0.0' })
    await client.connect(new StreamableHTTPClientTransport(url))
    const { tools } = await client.listTools()
    expect(tools.map((tool) => tool.name)).toContain('ableton_set_tempo')
    const result = await client.callTool({ name: 'ableton_set_tempo', arguments: { bpm: 133 } })
    expect(result.isError ?? false).toBe(false)
    expect(JSON.stringify(result.content)).toContain('133')
    await client.close()
  })

  it('refuses a request whose Host header is not the local server (DNS rebinding)', async () => {
    const { child, url } = await startHttpServer()
    running = child
    // fetch() will not send a foreign Host header; node:http will, as a rebinding browser would.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: {
            host: `attacker.example:${url.port}`,
            'content-type': 'application/json',
            accept: 'application/json, text/event-stream',
          },
        },
        (res) => {
          res.resume()
          resolve(res.statusCode)
        },
      )
      req.once('error', reject)
      req.end(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: {} }))
    })
    expect(status).toBe(403)
  })

  it('refuses a request from a foreign web page (Origin check)', async () => {
    const { child, url } = await startHttpServer()
    running = child
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        origin: 'http://attacker.example',
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: {} }),
    })
    expect(response.status).toBe(403)
  })
})
