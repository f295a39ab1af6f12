/**
 * @packageDocumentation
 * The protocol compliance suite: vitest blocks that every server of AbletonOSC's protocol must pass
 * (the simulator in both flavours now, the Max for Live bridge later), and the small UDP client it uses.
 */
export {
  type ComplianceContext,
  type ComplianceServer,
  type ComplianceSuiteOptions,
  defineComplianceSuite,
} from './defineComplianceSuite.js'
export {
  type OscTestClient,
  type OscTestClientOptions,
  openOscTestClient,
  type Received,
  type WaitOptions,
} from './oscTestClient.js'
