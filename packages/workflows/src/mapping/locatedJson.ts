/** A place in a text file, both counted from 1. */
export interface SourcePosition {
  readonly line: number
  readonly column: number
}

/** JSON parsed with the position of every value, so a schema error can name the line it comes from. */
export interface LocatedJson {
  /** The parsed value, as `JSON.parse` would give it. */
  readonly value: unknown
  /**
   * Where the value at a path starts (the nearest located ancestor when the path goes past the data); with `key`,
   * where its key starts (an unknown field is shown at its name).
   */
  locate(path: readonly PropertyKey[], options?: { key?: boolean | undefined }): SourcePosition
}

/** A syntax error, with where it is and what was expected there. */
export class JsonSyntaxError extends Error {
  override name = 'JsonSyntaxError'
  constructor(
    message: string,
    /** Where parsing stopped. */
    readonly position: SourcePosition,
  ) {
    super(message)
  }
}

/**
 * Parses JSON (strict: no comments, no trailing commas), recording where each value starts. A duplicate key is a
 * syntax error: `JSON.parse` would silently keep the last one, and in a mapping file that hides a typo.
 *
 * @example
 * const doc = parseLocatedJson('{\n  "a": [1, 2]\n}')
 * doc.locate(['a', 1]) // { line: 2, column: 11 }
 */
export function parseLocatedJson(text: string): LocatedJson {
  const positions = new Map<string, SourcePosition>()
  const keyPositions = new Map<string, SourcePosition>()
  let i = 0
  let line = 1
  let lineStart = 0
  const here = (): SourcePosition => ({ line, column: i - lineStart + 1 })
  const fail = (what: string): never => {
    const found = i >= text.length ? 'the end of the file' : JSON.stringify(text[i])
    throw new JsonSyntaxError(`${what}, found ${found}`, here())
  }
  const space = () => {
    for (;;) {
      const c = text[i]
      if (c === '\n') {
        i++
        line++
        lineStart = i
      } else if (c === ' ' || c === '\t' || c === '\r') i++
      else return
    }
  }
  const expect = (c: string, what: string) => {
    space()
    if (text[i] !== c) fail(what)
    i++
  }
  const key = (path: readonly PropertyKey[]) => path.map(String).join('\u0000')

  const string = (): string => {
    const start = i
    i++
    let out = ''
    for (;;) {
      const c = text[i]
      if (c === undefined || c === '\n') {
        i = start
        return fail('unterminated string')
      }
      if (c === '"') {
        i++
        return out
      }
      if (c === '\\') {
        const e = text[i + 1]
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        }
        if (e !== undefined && simple[e] !== undefined) {
          out += simple[e]
          i += 2
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16))
          i += 6
        } else {
          i++
          return fail('a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)')
        }
        continue
      }
      if (c < ' ') fail('a character (control characters must be escaped)')
      out += c
      i++
    }
  }

  const value = (path: PropertyKey[]): unknown => {
    space()
    positions.set(key(path), here())
    const c = text[i]
    if (c === '{') {
      i++
      const out: Record<string, unknown> = {}
      space()
      if (text[i] === '}') {
        i++
        return out
      }
      for (;;) {
        space()
        if (text[i] !== '"') fail('a key in double quotes')
        const at = here()
        const name = string()
        if (Object.hasOwn(out, name)) {
          throw new JsonSyntaxError(`duplicate key ${JSON.stringify(name)}`, at)
        }
        expect(':', `":" after the key ${JSON.stringify(name)}`)
        const child = [...path, name]
        keyPositions.set(key(child), at)
        out[name] = value(child)
        space()
        if (text[i] === ',') {
          i++
          space()
          if (text[i] === '}') fail('another key after "," (JSON allows no trailing comma)')
          continue
        }
        if (text[i] === '}') {
          i++
          return out
        }
        fail('"," or "}" after a value')
      }
    }
    if (c === '[') {
      i++
      const out: unknown[] = []
      space()
      if (text[i] === ']') {
        i++
        return out
      }
      for (;;) {
        out.push(value([...path, out.length]))
        space()
        if (text[i] === ',') {
          i++
          space()
          if (text[i] === ']') fail('another value after "," (JSON allows no trailing comma)')
          continue
        }
        if (text[i] === ']') {
          i++
          return out
        }
        fail('"," or "]" after a value')
      }
    }
    if (c === '"') return string()
    const word = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 64))
    if (word === null) return fail('a value (an object, array, string, number, true, false or null)')
    i += word[0].length
    if (word[0] === 'true') return true
    if (word[0] === 'false') return false
    if (word[0] === 'null') return null
    return Number(word[0])
  }

  // A byte-order mark is not JSON, but editors write one.
  if (text.charCodeAt(0) === 0xfeff) i = 1
  const parsed = value([])
  space()
  if (i < text.length) fail('the end of the file after the top-level value')

  return {
    value: parsed,
    locate(path, options) {
      const atKey = options?.key === true ? keyPositions.get(key(path)) : undefined
      if (atKey !== undefined) return atKey
      for (let n = path.length; n >= 0; n--) {
        const found = positions.get(key(path.slice(0, n)))
        if (found !== undefined) return found
      }
      return { line: 1, column: 1 }
    },
  }
}
