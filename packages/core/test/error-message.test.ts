import { describe, expect, it } from 'vitest'
import { ErrorCodes, ModspaceError, type ModspaceErrorDetails } from '../src/index.js'

// [description, summary, details, the message's lines after the first]
const rows: Array<[string, string, ModspaceErrorDetails, string[]]> = [
  [
    'where, then what was expected, then the fix',
    'cannot find "x".',
    { space: 'a', importer: '/w/a/i.js', file: '/w/modspace.config.json', expected: 'a package', fix: 'install it' },
    ['  space: a', '  importer: /w/a/i.js', '  file: /w/modspace.config.json', '  expected: a package', '  fix: install it'],
  ],
  [
    'a space the summary names is not repeated',
    'cannot find "x" in space "a".',
    { space: 'a', importer: '/w/a/i.js', fix: 'install it' },
    ['  importer: /w/a/i.js', '  fix: install it'],
  ],
  [
    'a file the summary names is not repeated',
    'no modspace config at /w/nowhere.',
    { file: '/w/nowhere', fix: 'create one' },
    ['  fix: create one'],
  ],
  [
    'a space named only as part of another word is still given',
    'cannot find "x" in space "ab".',
    { space: 'a' },
    ['  space: a'],
  ],
]

describe('ModspaceError messages', () => {
  it.each(rows)('%s', (_description, summary, details, rest) => {
    const error = new ModspaceError(ErrorCodes.NOT_FOUND, summary, details)
    const [first, ...lines] = error.message.split('\n')
    expect(first).toBe(`[${ErrorCodes.NOT_FOUND}] ${summary}`)
    expect(lines).toEqual(rest)
    // The facts stay on the instance for tools, whether or not a line repeats them.
    expect(error).toMatchObject(details)
  })
})
