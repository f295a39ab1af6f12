/**
 * Datagrams cross between Node for Max and the `v8` object as lists of ints, one atom per byte, not as symbols:
 * every symbol Max sees is interned in its symbol table for the life of the process ("Max maintains a symbol table
 * of all strings", https://sdk.cdn.cycling74.com/max-sdk-7.1.0/group__symbol.html; a gensym'd string "'ll hang
 * around forever", https://cycling74.com/forums/gensym-every-output-string), so a fresh base64 symbol per datagram grew Max's memory with every message. Ints
 * are not interned. Max lists are "practically limited to 32k atoms" (Joshua Kit Clayton,
 * https://cycling74.com/forums/atom_setparse-max-number-of-atoms), so a datagram travels in parts of at most
 * {@link MAX_LIST_BYTES} bytes: `part <host> <port> <bytes…>` for all but the last, then the message itself
 * (`datagram`/`send <host> <port> <bytes…>`). Node for Max turns a JavaScript array of numbers into a Max list
 * (https://docs.cycling74.com/nodeformax/api/). Max 9.2's v8 has its own `dgram` module
 * (https://docs.cycling74.com/apiref/js/dgram-module/), which would remove the crossing; the device targets
 * Max 9.0 (Live 12.2), so it keeps Node for Max.
 */

/** Bytes per Max list, well under the 32k-atom practical limit (the host and port take two more atoms). */
export const MAX_LIST_BYTES = 8192

/** A datagram cut into Max lists of numbers: every part but the last is sent as `part`. */
export function toParts(bytes: Uint8Array, size = MAX_LIST_BYTES): number[][] {
  const parts: number[][] = []
  for (let i = 0; i < bytes.length || parts.length === 0; i += size) parts.push(Array.from(bytes.subarray(i, i + size)))
  return parts
}

/** Reassembles the parts a receiver collected; throws on an atom that is not a byte. */
export function fromParts(parts: readonly (readonly unknown[])[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let o = 0
  for (const part of parts) {
    for (const atom of part) {
      if (typeof atom !== 'number' || !Number.isInteger(atom) || atom < 0 || atom > 255) {
        throw new Error(`invalid byte ${JSON.stringify(atom)} in a datagram`)
      }
      out[o++] = atom
    }
  }
  return out
}

/** Collects `part` messages per sender until the closing message, as both halves of the device receive them. */
export function createReassembler(maxBytes = 65535) {
  const pending = new Map<string, number[][]>()
  return {
    /** A `part`: kept until the sender's closing message; false when the datagram would exceed `maxBytes`. */
    part(key: string, atoms: readonly number[]): boolean {
      const parts = pending.get(key) ?? []
      const size = parts.reduce((n, p) => n + p.length, 0) + atoms.length
      if (size > maxBytes) {
        pending.delete(key)
        return false
      }
      parts.push([...atoms])
      pending.set(key, parts)
      return true
    },
    /** The closing message: the whole datagram. */
    finish(key: string, atoms: readonly unknown[]): Uint8Array {
      const parts = pending.get(key) ?? []
      pending.delete(key)
      return fromParts([...parts, atoms])
    },
  }
}
