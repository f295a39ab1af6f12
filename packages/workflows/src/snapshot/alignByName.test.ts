import { describe, expect, it } from 'vitest'
import { alignByName } from './alignByName.js'

const named = (...names: string[]) => names.map((name) => ({ name }))

describe('alignByName', () => {
  it('pairs lists of the same length by position, so a rename stays one change', () => {
    expect(alignByName(named('Drums', 'Bass'), named('Drums', 'Sub'))).toEqual([
      [0, 0],
      [1, 1],
    ])
  })

  it('leaves a deleted object unpaired and keeps the later ones together', () => {
    expect(alignByName(named('Drums', 'Bass', 'Keys', 'Pad'), named('Drums', 'Keys', 'Pad'))).toEqual([
      [0, 0],
      [1, undefined],
      [2, 1],
      [3, 2],
    ])
  })

  it('leaves an inserted object unpaired', () => {
    expect(alignByName(named('Drums', 'Keys'), named('Audio', 'Drums', 'Keys'))).toEqual([
      [undefined, 0],
      [0, 1],
      [1, 2],
    ])
  })

  it('pairs what is left between two anchors by position', () => {
    // Bass deleted and Keys renamed to Piano: names alone cannot tell which went, so the gap pairs by position.
    expect(alignByName(named('Drums', 'Bass', 'Keys', 'Pad'), named('Drums', 'Piano', 'Pad'))).toEqual([
      [0, 0],
      [1, 1],
      [2, undefined],
      [3, 2],
    ])
  })

  it('copes with repeated names and empty lists', () => {
    expect(alignByName(named('Audio', 'Audio', 'Audio'), named('Audio', 'Audio'))).toEqual([
      [0, 0],
      [1, 1],
      [2, undefined],
    ])
    expect(alignByName([], named('A'))).toEqual([[undefined, 0]])
    expect(alignByName(named('A'), [])).toEqual([[0, undefined]])
  })
})
