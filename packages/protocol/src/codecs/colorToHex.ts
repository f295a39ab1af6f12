import { LiveError } from '../errors/liveError.js'

/*
 * Live colours travel as one int, 0x00RRGGBB (track, clip and scene `color`). Live snaps a colour
 * that is set to the nearest entry of its 70-colour palette (`color_index` 0..69); that palette is
 * not reproduced here.
 */

/** The largest Live colour int (white). */
const MAX_COLOR = 0xffffff

/**
 * A Live colour int (0xRRGGBB) as CSS-style `#rrggbb`.
 *
 * @example
 * colorToHex(0xff3a34) // "#ff3a34"
 * colorToHex(0) // "#000000"
 */
export function colorToHex(color: number): string {
  if (!Number.isInteger(color) || color < 0 || color > MAX_COLOR) {
    throw new LiveError(
      'INVALID_ARGUMENTS',
      `colour ${String(color)} is out of range: a Live colour is an integer 0..16777215 (0x000000..0xFFFFFF)`,
      { details: { value: color, min: 0, max: MAX_COLOR } },
    )
  }
  return `#${color.toString(16).padStart(6, '0')}`
}

const hexPattern = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/

/**
 * A colour written `#rrggbb`, `rrggbb` or `#rgb` (any case) as Live's colour int.
 *
 * @example
 * hexToColor('#FF3A34') // 0xff3a34
 * hexToColor('#f00') // 0xff0000
 */
export function hexToColor(hex: string): number {
  const match = hexPattern.exec(hex.trim().toLowerCase())
  if (match === null) {
    throw new LiveError('INVALID_ARGUMENTS', `"${hex}" is not a colour: expected #rrggbb (e.g. #ff3a34) or #rgb`, {
      details: { value: hex },
    })
  }
  const digits = match[1]!
  const full = digits.length === 3 ? digits.replace(/./g, (d) => d + d) : digits
  return Number.parseInt(full, 16)
}
