import { definePackageProject } from '../../tooling/vitest/preset.js'

export default definePackageProject('surface')
