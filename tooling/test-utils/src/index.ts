/**
 * @packageDocumentation
 * Test helpers shared by the packages that sit above the simulator and the transport.
 */
export { freeUdpPort } from './freeUdpPort.js'
export { type Flavour, type SimulatorLink, startSimulatorLink, testUdp } from './startSimulatorLink.js'
