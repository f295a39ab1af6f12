/**
 * Entry of `dist/live-bridge.js`, the script of the device's `v8` object. esbuild bundles it as an
 * IIFE exposing `LiveBridge`; build.mjs appends the top-level functions Max dispatches messages to
 * (`init`, `datagram`, `exportfolder`...), which forward to {@link createMaxDevice}.
 */
export { createMaxDevice, OUTLETS } from './maxDevice.js'
