/** The extension address only our servers answer (the bridge and the simulator's bridge flavour). */
export const HELLO_ADDRESS = '/live/bridge/hello'

/** The simulator's own address, outside AbletonOSC's `/live/...` space (answered by `@live/simulator` in both flavours). */
export const SIMULATOR_HELLO_ADDRESS = '/simulator/hello'

/** Detection's probes, which a server without them refuses with `/live/error "Unknown OSC address: …"`. */
export const PROBE_ADDRESSES: readonly string[] = [HELLO_ADDRESS, SIMULATOR_HELLO_ADDRESS]
