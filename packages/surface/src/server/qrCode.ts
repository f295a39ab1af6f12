import { renderUnicodeCompact } from 'uqr'

/**
 * A QR code of a URL as text for a terminal (two rows of modules per line, dark on light), for a phone's camera.
 *
 * @example
 * console.log(qrCode('http://192.168.1.20:8790/?token=abc'))
 */
export function qrCode(url: string): string {
  return renderUnicodeCompact(url, { border: 2 })
}
