import { expect, it } from 'vitest'
import { extensionEntries } from './extensions.js'
import { extensionEntriesBefore } from './extensionsBefore.js'

it('the helpers build exactly the hand-written entries, in order, key for key', () => {
  expect(JSON.stringify(extensionEntries, null, 1)).toBe(JSON.stringify(extensionEntriesBefore, null, 1))
  expect(extensionEntries).toStrictEqual(extensionEntriesBefore)
})
