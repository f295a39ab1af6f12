/**
 * osc-js for the benchmarks and interop tests. Its types declare an ES default export, but the
 * package is CommonJS (UMD): under Node, the default import is the OSC class itself.
 */
import oscJsModule from 'osc-js'

/** The OSC class of osc-js, typed as what Node actually hands us. */
export const OSC = oscJsModule as unknown as typeof oscJsModule.default
