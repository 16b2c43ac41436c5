import { describe, expect, it } from 'vitest'
import { useColor } from '../src/cli/use-color.js'

// [description, env, isTTY, expected]
const rows: Array<[string, Record<string, string>, boolean, boolean]> = [
  ['a terminal gets colours', {}, true, true],
  ['a pipe does not', {}, false, false],
  ['NO_COLOR turns them off on a terminal', { NO_COLOR: '1' }, true, false],
  ['an empty NO_COLOR is ignored', { NO_COLOR: '' }, true, true],
  ['FORCE_COLOR turns them on for a pipe', { FORCE_COLOR: '1' }, false, true],
  ['an empty FORCE_COLOR counts as set', { FORCE_COLOR: '' }, false, true],
  ['FORCE_COLOR=0 turns them off on a terminal', { FORCE_COLOR: '0' }, true, false],
  ['FORCE_COLOR=false turns them off on a terminal', { FORCE_COLOR: 'false' }, true, false],
  ['FORCE_COLOR takes precedence over NO_COLOR, as in Node', { FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
]

describe('useColor', () => {
  it.each(rows)('%s', (_description, env, isTTY, expected) => {
    expect(useColor(env, isTTY)).toBe(expected)
  })
})
