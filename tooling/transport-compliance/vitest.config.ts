import { definePackageProject } from '../vitest/preset.js'

export default definePackageProject('transport-compliance')
