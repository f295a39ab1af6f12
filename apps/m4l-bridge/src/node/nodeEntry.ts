/**
 * Entry of `dist/live-bridge-node.js`, the script of the device's `node.script` object (Node for Max documents
 * `.js` and `.mjs` entry files, https://docs.cycling74.com/max8/vignettes/01_n4m_anatomy; this one is CommonJS,
 * as `require("max-api")` in Cycling '74's examples). Everything happens in {@link startNodeScript}.
 */
import maxApi from 'max-api'
import { startNodeScript } from './nodeScript.js'

startNodeScript(maxApi)
