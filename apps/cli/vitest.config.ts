import { definePackageProject } from '../../tooling/vitest/preset.js'

export default definePackageProject('cli', { globalSetup: ['test/globalSetup.ts'] })
