/**
 * Where an export may be written: inside the folder the user typed into the device, nowhere else.
 * Max's JavaScript has no file system access, so the check is lexical: `.` and `..` are resolved,
 * separators normalised, and the result must lie under the folder at a path-segment boundary.
 * (A symbolic link inside the folder that points elsewhere is not detected: keep the folder link-free.)
 */

/** The outcome of {@link resolveExportPath}: the canonical path, or the text of the refusal. */
export type ExportPathResult = { ok: true; path: string } | { ok: false; error: string }

/** The root of an absolute path: `/`, `C:/`, or Max's `Volume:/`; undefined for a relative path. */
function rootOf(path: string): string | undefined {
  if (path.startsWith('/')) return '/'
  const drive = /^([A-Za-z]:|[^/:]+:)\//.exec(path)
  return drive ? `${drive[1]!}/` : undefined
}

/** Canonicalises an absolute path lexically (`\` → `/`, no `.`/`..`/empty segments); undefined if `..` climbs above the root. */
export function canonicalPath(path: string): string | undefined {
  const slashed = path.replace(/\\/g, '/')
  const root = rootOf(slashed)
  if (root === undefined) return undefined
  const parts: string[] = []
  for (const segment of slashed.slice(root.length).split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') {
      if (parts.length === 0) return undefined
      parts.pop()
    } else parts.push(segment)
  }
  return root + parts.join('/')
}

/**
 * Resolves a requested export path against the configured folder. A relative path is taken inside
 * the folder; an absolute one must already be inside it.
 *
 * @example
 * resolveExportPath('/Users/me/Exports', 'stems/bass.wav') // { ok: true, path: '/Users/me/Exports/stems/bass.wav' }
 * resolveExportPath('/Users/me/Exports', '../secrets.wav').ok // false
 */
export function resolveExportPath(folder: string | undefined, requested: string): ExportPathResult {
  if (folder === undefined || folder.trim() === '') {
    return { ok: false, error: `export path ${requested} refused: no export folder is set in the device` }
  }
  const base = canonicalPath(folder.trim())
  if (base === undefined) {
    return { ok: false, error: `export folder ${folder} is not an absolute path: set a full path in the device` }
  }
  const slashed = requested.replace(/\\/g, '/')
  const joined = rootOf(slashed) === undefined ? `${base}/${slashed}` : slashed
  const path = canonicalPath(joined)
  const prefix = base.endsWith('/') ? base : `${base}/`
  if (path === undefined || !path.startsWith(prefix) || path.length === prefix.length) {
    return { ok: false, error: `export path ${requested} is outside the export folder ${base}` }
  }
  return { ok: true, path }
}
