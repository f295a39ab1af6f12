import { liveSetSchema } from '@live/client'
import { z } from 'zod'

/** The snapshot format version this package writes and reads. */
export const SNAPSHOT_VERSION = 1

const versionSchema = z.literal(SNAPSHOT_VERSION, {
  error: (issue) =>
    typeof issue.input === 'number' && issue.input > SNAPSHOT_VERSION
      ? `snapshot version ${issue.input} was written by a newer @live/workflows; this one reads version ${SNAPSHOT_VERSION}: upgrade @live/workflows`
      : `expected snapshot version ${SNAPSHOT_VERSION}, got ${JSON.stringify(issue.input) ?? 'nothing'}`,
})

/** Which server the snapshot was taken from. */
export const snapshotServerSchema = z.object({
  /** `abletonosc`, `bridge`, `simulator` or `unknown`. */
  kind: z.enum(['abletonosc', 'bridge', 'simulator', 'unknown']),
  /** A name for messages, e.g. `AbletonOSC`. */
  name: z.string(),
  /** The server's own version, where it reports one. */
  version: z.string().nullable(),
  /** Live's version as `major.minor`, where known. */
  liveVersion: z.string().nullable(),
})

/** A saved Live set: the whole `client.sync()` result, versioned, with when and where it was taken. */
export const snapshotSchema = z.object({
  format: z.literal('live-snapshot', { error: 'expected format "live-snapshot": this is not a @live snapshot' }),
  version: versionSchema,
  /** ISO 8601 time the snapshot was taken. */
  takenAt: z.iso.datetime({ offset: true }),
  server: snapshotServerSchema,
  /** What was fetched: a snapshot without notes or parameters never restores them. @default both true */
  captured: z.object({ notes: z.boolean(), parameters: z.boolean() }).default({ notes: true, parameters: true }),
  set: liveSetSchema,
})

/** A saved Live set (see {@link snapshotSchema}). */
export type Snapshot = z.infer<typeof snapshotSchema>
