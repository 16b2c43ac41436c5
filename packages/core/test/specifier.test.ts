import { describe, expect, it } from 'vitest'
import { isInside, parseBareSpecifier, specifierType } from '../src/resolve/specifier.js'

describe('specifierType', () => {
  it.each([
    ['./a.js', 'relative'],
    ['../a.js', 'relative'],
    ['.', 'relative'],
    ['/abs/a.js', 'absolute'],
    ['#internal', 'imports'],
    ['file:///a.js', 'url'],
    ['node:fs', 'url'],
    ['lodash', 'bare'],
    ['@scope/pkg/sub', 'bare'],
    ['.hidden-pkg', 'bare'],
  ])('%s is %s', (specifier, type) => {
    expect(specifierType(specifier)).toBe(type)
  })
})

describe('parseBareSpecifier', () => {
  it.each([
    ['lodash', 'lodash', ''],
    ['lodash/fp/map.js', 'lodash', '/fp/map.js'],
    ['@scope/pkg', '@scope/pkg', ''],
    ['@scope/pkg/sub/x', '@scope/pkg', '/sub/x'],
    ['@scope', '@scope', ''],
  ])('%s → name %s, subpath %s', (specifier, name, subpath) => {
    const parsed = parseBareSpecifier(specifier)
    expect(parsed).toEqual({ name, subpath })
    // The stated invariant: name + subpath gives the specifier back.
    expect(parsed.name + parsed.subpath).toBe(specifier)
  })
})

describe('isInside', () => {
  it.each([
    ['/a/b', '/a', true],
    ['/a', '/a', true],
    ['/ab', '/a', false],
    ['/a', '/a/b', false],
    ['/x', '/', true],
  ])('%s inside %s: %s', (child, parent, inside) => {
    expect(isInside(child, parent)).toBe(inside)
  })
})
