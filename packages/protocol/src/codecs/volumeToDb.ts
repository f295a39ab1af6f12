import { LiveError } from '../errors/liveError.js'

/*
 * Live's mixer volume fader law (track volume, `mixer_device.volume`, value 0..1).
 *
 * Ableton does not publish the curve (of the related send knob, Ableton told a Max forum user it is
 * "procedural and not given to a mathematical solution"), so this is a reconstruction from readings taken in Live:
 *
 *   v >= 0.4          dB = 40·v − 34                      (−18 dB … +6 dB; a straight line)
 *   0.15 <= v < 0.4   dB = −((399.751894·v − 201.871345)² + 12630.61132) / 799.503788
 *   0 < v < 0.15      monotone cubic (Fritsch–Carlson) through the measured points below, with the
 *                     end point (0, −70 dB): Live's lowest finite reading is about −70 dB
 *   v = 0             −∞ dB (Live shows "-inf dB")
 *
 * The line and the quadratic are the fit marcobn posted in ideoforms/AbletonOSC
 * (https://github.com/ideoforms/AbletonOSC/pull/15, https://github.com/ideoforms/AbletonOSC/issues/44);
 * his power law below 0.15 is replaced here, because it misses the readings there by up to 0.29 dB.
 *
 * Measured: the points in LIVE_VOLUME_READINGS. Most are float32 values read back from Live's API
 * after setting the fader to a dB value, from two independent public code bases found by code search
 * (one in 3 dB steps, one in 3.5 dB steps; their repositories could not be identified; they agree
 * exactly where they overlap, at −60 and −30 dB). 0.55 → −12 and 0.001154 → −69.5 ("the last value
 * displayed") come from a 2012 Ableton forum thread ("Calculation Question", Max for Live section).
 * Assumed: the end point (0+, −70 dB). Approximated: everything between readings.
 * Error of this curve at each reading (value → dB):
 *
 *   | reading (value → dB)              | this curve | error   | region    |
 *   |-----------------------------------|------------|---------|-----------|
 *   | 1.0 → +6                          | +6.0000    | 0       | line      |
 *   | 0.92494243 → +3                   | +2.9977    | 0.0023  | line      |
 *   | 0.85000002 → 0                    | +0.0000    | 0.0000  | line      |
 *   | 0.77494246 → −3                   | −3.0023    | 0.0023  | line      |
 *   | 0.7 → −6, 0.6 → −10, 0.55 → −12   | exact      | 0.0000  | line      |
 *   | 0.62494242 → −9                   | −9.0023    | 0.0023  | line      |
 *   | 0.51245689 → −13.5                | −13.5017   | 0.0017  | line      |
 *   | 0.47494230 → −15                  | −15.0023   | 0.0023  | line      |
 *   | 0.39999980 → −18                  | −18.0014   | 0.0014  | quadratic |
 *   | 0.35999987 → −20 … 0.21163 → −33  | ≤ 0.0024   | ≤ 0.0024| quadratic |
 *   | 0.20736897 → −33.5                | −33.5029   | 0.0029  | quadratic |
 *   | 0.18703696 → −36                  | −36.0046   | 0.0046  | quadratic |
 *   | 0.18312021 → −36.5                | −36.5054   | 0.0054  | quadratic |
 *   | 0.16421939 → −39                  | −39.0088   | 0.0088  | quadratic |
 *   | 0.15697654 → −40                  | −40.0059   | 0.0059  | quadratic |
 *   | 0.14288160 → −42 … 0.00966 → −66.5| knots      | 0       | cubic     |
 *   | 0.001154 → −69.5 (forum)          | −69.578    | 0.078   | cubic     |
 *
 * Between the cubic's knots the error is estimated by leaving each knot out in turn: ≤ 0.03 dB
 * from −57 to −42 dB, ≤ 0.18 dB from −66.5 to −60 dB (the readings are sparse there). The shape
 * below −66.5 dB rests on two readings only. Live's display rounds to 0.1 dB, so above −57 dB
 * formatDb(volumeToDb(v)) matches Live's text except for values right on a rounding boundary.
 */

/** Volume readings taken from Live, as `[value, dB]`, ascending; the curve passes through or near each one. */
export const LIVE_VOLUME_READINGS: readonly (readonly [volume: number, db: number])[] = [
  [0.001154, -69.5],
  [0.009662616066634655, -66.5],
  [0.021345632150769234, -63],
  [0.03462362661957741, -60],
  [0.05101150646805763, -57],
  [0.05364469811320305, -56.5],
  [0.06778648495674133, -54],
  [0.08523604273796082, -51],
  [0.09134812653064728, -50],
  [0.10353590548038483, -48],
  [0.11301174759864807, -46.5],
  [0.12271705269813538, -45],
  [0.13266687095165253, -43.5],
  [0.1428816020488739, -42],
  [0.15697653591632843, -40],
  [0.16421939432621002, -39],
  [0.18312020599842072, -36.5],
  [0.18703696131706238, -36],
  [0.20736896991729736, -33.5],
  [0.2116302251815796, -33],
  [0.23843887448310852, -30],
  [0.2682555615901947, -27],
  [0.27357277274131775, -26.5],
  [0.302414208650589, -24],
  [0.30869895219802856, -23.5],
  [0.3436638116836548, -21],
  [0.3599998652935028, -20],
  [0.39999979734420776, -18],
  [0.47494229674339294, -15],
  [0.5124568939208984, -13.5],
  [0.5499998927116394, -12],
  [0.6000000238418579, -10],
  [0.624942421913147, -9],
  [0.699999988079071, -6],
  [0.7749424576759338, -3],
  [0.8500000238418579, 0],
  [0.9249424338340759, 3],
  [1, 6],
]

/** The loudest the fader goes, in dB (value 1.0). */
export const MAX_VOLUME_DB = 6
/** Where the curve meets silence: values just above 0 read about −70 dB; 0 itself is −∞. */
export const MIN_VOLUME_DB = -70

const LINE_FROM = 0.4
const QUADRATIC_FROM = 0.15
const qa = 799.503788
const qb = 12630.61132
const qg = 201.871345
const qd = 399.751894

function quadratic(v: number): number {
  const u = qd * v - qg
  return -(u * u + qb) / qa
}

/** Knots of the low cubic: (0, −70), the readings under 0.15 except the forum one, and the join with the quadratic. */
const knotsV: number[] = [0]
const knotsDb: number[] = [MIN_VOLUME_DB]
for (const [v, db] of LIVE_VOLUME_READINGS) {
  if (v < QUADRATIC_FROM && v > 0.005) {
    knotsV.push(v)
    knotsDb.push(db)
  }
}
knotsV.push(QUADRATIC_FROM)
knotsDb.push(quadratic(QUADRATIC_FROM))
const slopes = fritschCarlsonSlopes(knotsV, knotsDb)

function fritschCarlsonSlopes(xs: readonly number[], ys: readonly number[]): number[] {
  const n = xs.length
  const h: number[] = []
  const d: number[] = []
  for (let i = 0; i < n - 1; i++) {
    h.push(xs[i + 1]! - xs[i]!)
    d.push((ys[i + 1]! - ys[i]!) / h[i]!)
  }
  const m: number[] = [d[0]!]
  for (let i = 1; i < n - 1; i++) {
    const d0 = d[i - 1]!
    const d1 = d[i]!
    if (d0 * d1 <= 0) {
      m.push(0)
    } else {
      const w1 = 2 * h[i]! + h[i - 1]!
      const w2 = h[i]! + 2 * h[i - 1]!
      m.push((w1 + w2) / (w1 / d0 + w2 / d1))
    }
  }
  m.push(d[n - 2]!)
  return m
}

function cubic(v: number): number {
  let i = 0
  while (i < knotsV.length - 2 && v >= knotsV[i + 1]!) i++
  const x0 = knotsV[i]!
  const h = knotsV[i + 1]! - x0
  const t = (v - x0) / h
  const t2 = t * t
  const t3 = t2 * t
  return (
    (2 * t3 - 3 * t2 + 1) * knotsDb[i]! +
    (t3 - 2 * t2 + t) * h * slopes[i]! +
    (-2 * t3 + 3 * t2) * knotsDb[i + 1]! +
    (t3 - t2) * h * slopes[i + 1]!
  )
}

/**
 * Live's track volume value (0..1) in dB on the mixer fader law; 0 gives −Infinity.
 *
 * @example
 * volumeToDb(0.85) // ≈ 0
 * volumeToDb(0.7) // -6
 * volumeToDb(0) // -Infinity
 */
export function volumeToDb(volume: number): number {
  if (!Number.isFinite(volume) || volume < 0 || volume > 1) {
    throw new LiveError('INVALID_ARGUMENTS', `volume ${String(volume)} is out of range: Live's volume is 0..1`, {
      metaMessages: ['0.85 is 0 dB and 1.0 is +6 dB. To give a level in dB, use dbToVolume().'],
      details: { value: volume, min: 0, max: 1 },
    })
  }
  if (volume === 0) return Number.NEGATIVE_INFINITY
  if (volume >= LINE_FROM) return 40 * volume - 34
  if (volume >= QUADRATIC_FROM) return quadratic(volume)
  return cubic(volume)
}

/**
 * The volume value (0..1) for a level in dB, clamped to Live's range (−∞ … +6 dB).
 *
 * @example
 * dbToVolume(0) // 0.85
 * dbToVolume(-6) // 0.7
 * dbToVolume(12) // 1 (clamped)
 * dbToVolume(-Infinity) // 0
 */
export function dbToVolume(db: number): number {
  if (Number.isNaN(db)) {
    throw new LiveError('INVALID_ARGUMENTS', 'volume NaN dB is not a level: Live accepts -inf dB to +6 dB', {
      details: { value: db, min: Number.NEGATIVE_INFINITY, max: MAX_VOLUME_DB },
    })
  }
  if (db >= MAX_VOLUME_DB) return 1
  if (db <= MIN_VOLUME_DB) return 0
  if (db >= -18) return (db + 34) / 40
  // The curve below −18 dB rises monotonically on [0, 0.4): bisect it.
  let lo = 0
  let hi = LINE_FROM
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2
    if (volumeToDb(mid) < db) lo = mid
    else hi = mid
  }
  return (lo + hi) / 2
}

/**
 * A level in dB as Live writes it under the fader: one decimal, then " dB".
 *
 * @example
 * formatDb(0) // "0.0 dB"
 * formatDb(-6) // "-6.0 dB"
 * formatDb(-Infinity) // "-inf dB"
 */
export function formatDb(db: number): string {
  if (Number.isNaN(db)) {
    throw new LiveError('INVALID_ARGUMENTS', 'cannot format NaN dB: expected a number or -Infinity', {
      details: { value: db },
    })
  }
  if (db === Number.NEGATIVE_INFINITY) return '-inf dB'
  if (db === Number.POSITIVE_INFINITY) return 'inf dB'
  const text = db.toFixed(1)
  return `${text === '-0.0' ? '0.0' : text} dB`
}

/**
 * Live's text for a volume value, e.g. what the mixer shows under the fader.
 *
 * @example
 * volumeToString(0.85) // "0.0 dB"
 * volumeToString(0) // "-inf dB"
 */
export function volumeToString(volume: number): string {
  return formatDb(volumeToDb(volume))
}

const dbPattern = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*(?:db)?$/
const infPattern = /^-(?:inf|infinity|∞)\s*(?:db)?$/

/**
 * A level typed by a person ("-6", "-6 dB", "+3dB", "-inf") in dB.
 *
 * @example
 * parseDb('-6 dB') // -6
 * parseDb('-inf') // -Infinity
 */
export function parseDb(text: string): number {
  const clean = text
    .trim()
    .toLowerCase()
    .replace(/\u2212/g, '-')
  if (infPattern.test(clean)) return Number.NEGATIVE_INFINITY
  const match = dbPattern.exec(clean)
  if (match === null) {
    throw new LiveError(
      'INVALID_ARGUMENTS',
      `"${text}" is not a level in dB: expected e.g. "-6", "-6 dB", "+3 dB" or "-inf"`,
      {
        details: { value: text },
      },
    )
  }
  return Number(match[1])
}
