import { describe, expect, it } from 'vitest'
import { didYouMean } from '../src/did-you-mean.js'

describe('didYouMean', () => {
  it.each([
    ['plugn-a', ['plugin-a', 'plugin-b', 'root'], 'plugin-a'],
    ['shraed', ['shared', 'isolated', 'parent'], 'shared'],
    ['rot', ['root', 'host'], 'root'],
    ['completely-different', ['root', 'host'], undefined],
  ])('%s among %j → %s', (input, candidates, expected) => {
    expect(didYouMean(input, candidates)).toBe(expected)
  })
})
