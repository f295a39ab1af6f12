import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSocket, startTestSurface, type TestSurface } from './surfaceHarness.js'

/** One GET to the surface on 127.0.0.1, with the headers given (Host included: node:http sends what it is told). */
function get(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end()
  })
}

/** Opens the socket and resolves with the HTTP status it was refused with (or 101 when it opened). */
async function socketStatus(port: number, path: string, headers: Record<string, string> = {}): Promise<string> {
  try {
    const socket = await openSocket(port, { path, headers })
    socket.close()
    return 'open'
  } catch (error) {
    return (error as Error).message
  }
}

describe('the surface on 127.0.0.1 (the default)', () => {
  let t: TestSurface
  beforeAll(async () => {
    t = await startTestSurface('bridge')
  })
  afterAll(() => t?.close())

  it('serves the page and its assets from itself only, with a strict content security policy', async () => {
    const page = await get(t.surface.port, '/')
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(page.body).toContain('<script type="module" src="app.js"></script>')
    expect(page.body).not.toMatch(/https?:\/\//)
    expect(page.headers['content-security-policy']).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    )
    expect(page.headers['referrer-policy']).toBe('no-referrer')
    const script = await get(t.surface.port, '/app.js', { 'accept-encoding': 'gzip' })
    expect(script.status).toBe(200)
    expect(script.headers['content-encoding']).toBe('gzip')
    expect((await get(t.surface.port, '/nope')).status).toBe(404)
    expect(t.surface.url).toBe(`http://127.0.0.1:${t.surface.port}/`)
    expect(t.surface.lanUrls).toEqual([])
  })

  it('refuses a DNS-rebinding request: a Host that is not this machine, or an Origin of another site', async () => {
    const port = t.surface.port
    const rebound = await get(port, '/', { host: `attacker.example:${port}` })
    expect(rebound.status).toBe(403)
    expect(rebound.body.replaceAll(String(port), 'PORT')).toMatchInlineSnapshot(`
      "Refused: Host "attacker.example:PORT" is not this machine on port PORT (DNS rebinding protection). Open the address live ui printed.
      "
    `)
    const wrongPort = await get(port, '/', { host: '127.0.0.1:1' })
    expect(wrongPort.status).toBe(403)
    const foreign = await get(port, '/', { origin: 'http://attacker.example' })
    expect(foreign.status).toBe(403)
    expect(foreign.body.replaceAll(String(port), 'PORT')).toMatchInlineSnapshot(`
      "Refused: Origin "http://attacker.example" is not this surface (http://127.0.0.1:PORT).
      "
    `)
    expect((await get(port, '/', { host: `localhost:${port}` })).status).toBe(200)
    // On loopback, a LAN address is no name of this surface.
    expect((await get(port, '/', { host: `192.0.2.7:${port}` })).status).toBe(403)
    expect(await socketStatus(port, '/socket', { origin: 'http://attacker.example' })).toBe('HTTP 403')
    expect(await socketStatus(port, '/socket', { host: `attacker.example:${port}` })).toBe('HTTP 403')
    expect(await socketStatus(port, '/elsewhere')).toBe('HTTP 404')
    expect(await socketStatus(port, '/socket')).toBe('open')
  })
})

describe('the surface with --lan', () => {
  let t: TestSurface
  const token = 'test-token-for-the-lan'
  beforeAll(async () => {
    t = await startTestSurface('bridge', { surface: { lan: true, token } })
  })
  afterAll(() => t?.close())

  it('prints its address with the token, for this machine and its networks', () => {
    expect(t.surface.url).toBe(`http://127.0.0.1:${t.surface.port}/?token=${token}`)
    for (const url of t.surface.lanUrls)
      expect(url).toMatch(new RegExp(`^http://[\\d.]+:${t.surface.port}/\\?token=${token}$`))
  })

  it('refuses pages, assets and sockets without the token', async () => {
    const port = t.surface.port
    const bare = await get(port, '/')
    expect(bare.status).toBe(403)
    expect(bare.body).toMatchInlineSnapshot(`
      "Refused: this surface needs its token. Open the full address (with ?token=...) that \`live ui --lan\` printed, or scan its QR code.
      "
    `)
    expect((await get(port, '/app.js')).status).toBe(403)
    expect((await get(port, '/?token=wrong-token-for-the-lan')).status).toBe(403)
    expect(await socketStatus(port, '/socket')).toBe('HTTP 403')
    expect(await socketStatus(port, '/socket?token=wrong')).toBe('HTTP 403')
  })

  it('lets the token in, by query or by the cookie the page sets, from any address of the machine', async () => {
    const port = t.surface.port
    const page = await get(port, `/?token=${token}`, { host: `192.0.2.7:${port}` })
    expect(page.status).toBe(200)
    expect(page.headers['set-cookie']).toEqual([`live-surface-token=${token}; HttpOnly; SameSite=Strict; Path=/`])
    expect((await get(port, '/app.css', { cookie: `live-surface-token=${token}` })).status).toBe(200)
    expect(await socketStatus(port, `/socket?token=${token}`)).toBe('open')
    expect(await socketStatus(port, '/socket', { cookie: `live-surface-token=${token}` })).toBe('open')
    // The token does not lift the rebinding checks.
    expect((await get(port, `/?token=${token}`, { host: `attacker.example:${port}` })).status).toBe(403)
    expect(await socketStatus(port, `/socket?token=${token}`, { origin: 'http://attacker.example' })).toBe('HTTP 403')
  })
})
