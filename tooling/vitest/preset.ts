import { defaultClientConditions, defaultServerConditions } from 'vite'
import { defineProject, type ViteUserConfig } from 'vitest/config'

/** Resolve workspace packages to their TypeScript source, so tests never wait for a build. */
const sourceCondition = '@live/source'

/** The vitest project every package and app uses; `name` is the project's label in the output. */
export function definePackageProject(name: string, extra: ViteUserConfig['test'] = {}) {
  return defineProject({
    resolve: { conditions: [sourceCondition, ...defaultClientConditions] },
    ssr: { resolve: { conditions: [sourceCondition, ...defaultServerConditions] } },
    test: {
      name,
      environment: 'node',
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
      testTimeout: 20_000,
      // expect.poll waits on a simulator in another process or behind a UDP hop: give a loaded 2-core CI room.
      expect: { poll: { timeout: 5_000, interval: 20 } },
      ...extra,
    },
  })
}
