import fc from 'fast-check'
import semver from 'semver'
import { describe, expect, it } from 'vitest'
import { isValidRange, satisfiesRange } from '../src/resolve/version-range.js'

// The hand-written answers for the usual ranges against semver itself, which answers every other form.
const numRuns = Number(process.env.MODSPACE_FUZZ_RUNS ?? 500)
// Small parts meet at the edges (equal, one above, zero); a few long ones reach the 15-digit limit and past it.
const part = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 3 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('10', '01', '999999999999999', '9999999999999999', '') },
)
const core = fc.tuple(part, part, part).map((parts) => parts.join('.'))
const version = fc.oneof(
  { weight: 6, arbitrary: core },
  { weight: 1, arbitrary: fc.tuple(core, fc.constantFrom('-0', '-beta.1', '+build', 'x', ' ', '.1')).map(([v, tail]) => v + tail) },
  { weight: 1, arbitrary: fc.constantFrom('v1.2.3', '=1.2.3', '1.2', '1', '', ' 1.2.3') },
)
const range = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom('', '^', '~', '>=', '>', '<', '<=', '=', 'v', '~>'), core).map(([op, v]) => op + v) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('^', '~', '>=', ''), version).map(([op, v]) => op + v) },
  { weight: 1, arbitrary: fc.constantFrom('*', 'x', '', 'latest', '^1', '~1.2', '1.x', '>=1 <3', '1.2.3 - 2', '^1.2.3 || ^2.0.0', ' ^1.2.3', 'npm:x@1') },
)

describe(`version ranges answered without semver (${numRuns} runs)`, () => {
  it('satisfy as semver.satisfies does, prereleases included', () => {
    fc.assert(
      fc.property(version, range, (v, r) => {
        expect(satisfiesRange(v, r)).toBe(semver.satisfies(v, r, { includePrerelease: true }))
      }),
      { numRuns },
    )
  })

  it('are valid where semver.validRange says so', () => {
    fc.assert(
      fc.property(range, (r) => {
        expect(isValidRange(r)).toBe(semver.validRange(r) !== null)
      }),
      { numRuns },
    )
  })

  it.each([
    ['1.5.0', '^1.2.3', true],
    ['2.0.0', '^1.2.3', false],
    ['0.2.9', '^0.2.3', true],
    ['0.3.0', '^0.2.3', false],
    ['0.0.3', '^0.0.3', true],
    ['0.0.4', '^0.0.3', false],
    ['1.2.9', '~1.2.3', true],
    ['1.3.0', '~1.2.3', false],
    ['3.0.0', '>=1.2.3', true],
    ['1.2.2', '>=1.2.3', false],
    ['1.2.3', '1.2.3', true],
    ['1.2.4', '1.2.3', false],
  ])('%s against %s: %s', (v, r, expected) => {
    expect(satisfiesRange(v, r)).toBe(expected)
  })
})
