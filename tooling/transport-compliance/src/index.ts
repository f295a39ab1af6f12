/**
 * @packageDocumentation
 * The checks every Transport must pass (udp(), memory(), any transport to come), as a vitest suite.
 */
export {
  type CompliancePair,
  type CompliancePeer,
  defineTransportComplianceSuite,
  type TransportComplianceOptions,
} from './defineTransportComplianceSuite.js'
export { waitFor, waitForTimeoutMs } from './waitFor.js'
