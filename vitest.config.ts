import { defineConfig } from 'vitest/config'

/** One vitest run over every workspace: each package and app is a project with its own config. */
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts', 'tooling/*/vitest.config.ts'],
    reporters: ['default', './tooling/vitest/plainSummary.ts'],
  },
})
