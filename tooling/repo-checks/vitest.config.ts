import { definePackageProject } from '../vitest/preset.js'

export default definePackageProject('repo-checks', { include: ['*.test.ts'] })
