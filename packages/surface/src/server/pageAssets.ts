import { readFile } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { createRequire } from 'node:module'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { LiveError } from '@live/protocol'

/** One built file of the page, ready to send. */
interface Asset {
  readonly type: string
  readonly body: Buffer
  readonly gzipped: Buffer
}

/** The built page, by URL path. */
export type PageAssets = ReadonlyMap<string, Asset>

const FILES: Readonly<Record<string, { file: string; type: string }>> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
  '/icon.svg': { file: 'icon.svg', type: 'image/svg+xml' },
}

/** Everything the page loads comes from this server; nothing from elsewhere, nothing inline. */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  // The LAN address carries the token: never send it on.
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
}

/** Where the build put the page: `dist/page` of this package, found through its name (so a bundle of this code finds it too). */
export function defaultPageDir(): string {
  const manifest = createRequire(import.meta.url).resolve('@live/surface/package.json')
  return path.join(path.dirname(manifest), 'dist', 'page')
}

/**
 * Reads the built page into memory, with a gzipped copy of each file.
 *
 * @example
 * const assets = await loadPage(defaultPageDir())
 */
export async function loadPage(dir: string): Promise<PageAssets> {
  const assets = new Map<string, Asset>()
  for (const [url, { file, type }] of Object.entries(FILES)) {
    let body: Buffer
    try {
      body = await readFile(path.join(dir, file))
    } catch (error) {
      throw new LiveError('FILE_FAILED', `the surface's page is not built: ${path.join(dir, file)} is missing`, {
        metaMessages: ['Run `pnpm build` (or `pnpm --filter @live/surface build`), then start again.'],
        cause: error,
      })
    }
    assets.set(url, { type, body, gzipped: gzipSync(body, { level: 9 }) })
  }
  return assets
}

/** The security headers every answer of the surface carries. */
export function securityHeaders(): Record<string, string> {
  return { ...SECURITY_HEADERS }
}

/**
 * Answers a GET for one of the page's files (gzipped when the browser takes it); false when the path is not one.
 *
 * @example
 * if (!sendAsset(assets, '/app.js', req.headers['accept-encoding'], res, {})) res.writeHead(404).end()
 */
export function sendAsset(
  assets: PageAssets,
  pathname: string,
  acceptEncoding: string | undefined,
  res: ServerResponse,
  extraHeaders: Record<string, string>,
): boolean {
  const asset = assets.get(pathname === '/index.html' ? '/' : pathname)
  if (asset === undefined) return false
  const gzip = /\bgzip\b/.test(acceptEncoding ?? '')
  const body = gzip ? asset.gzipped : asset.body
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    ...extraHeaders,
    'content-type': asset.type,
    'content-length': String(body.length),
    vary: 'accept-encoding',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  })
  res.end(body)
  return true
}
