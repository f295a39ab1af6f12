/**
 * How deep bundles may nest in bundles, and arrays in arrays, on encode and decode: a bound on
 * recursion for hostile packets, and a guard against cyclic values.
 */
export const MAX_OSC_DEPTH = 32
