import { describe, expect, it } from 'vitest'
import { ErrorCodes, blockedImportError, nativeInBrowserError, type ResolveRequest, type ResolveResult, type TraceStep } from '../src/index.js'

const trace: TraceStep[] = [{ space: 'root', rule: 'override', message: 'a step' }]

describe('blockedImportError', () => {
  const request: ResolveRequest = { space: 'plugin-a', specifier: 'node:net', importer: '/w/plugins/a/index.js' }
  const result: ResolveResult = { space: 'root', id: 'node:net', kind: 'blocked', trace }

  it('names the space, the importer and the space whose override blocks the import', () => {
    const error = blockedImportError(request, result)
    expect(error.code).toBe(ErrorCodes.BLOCKED)
    expect(error.message.split('\n')).toEqual([
      '[MODSPACE_BLOCKED] spaces.root.overrides: "node:net" is blocked in space "plugin-a" (an override in "root" is false).',
      '  importer: /w/plugins/a/index.js',
      '  expected: no import of "node:net" from space "plugin-a"',
      '  fix: remove the import from /w/plugins/a/index.js, or override "node:net" with a stand-in file in spaces.root.overrides',
    ])
    expect(error).toMatchObject({ configPath: 'spaces.root.overrides', space: 'plugin-a', specifier: 'node:net', importer: '/w/plugins/a/index.js', trace })
  })

  it('names the space in the fix when there is no importer', () => {
    const error = blockedImportError({ space: 'plugin-a', specifier: 'node:net' }, result)
    expect(error.importer).toBeUndefined()
    expect(error.fix).toBe('remove the import from space "plugin-a", or override "node:net" with a stand-in file in spaces.root.overrides')
  })
})

describe('nativeInBrowserError', () => {
  const request: ResolveRequest = { space: 'plugin-b', specifier: 'gyp-addon', importer: '/w/plugins/b/main.mjs' }
  const addon = '/w/node_modules/gyp-addon/index.js'
  const result: ResolveResult = { space: 'root', id: addon, kind: 'native', package: { name: 'gyp-addon', version: '1.0.0', root: '/w/node_modules/gyp-addon' }, trace }

  it('has its own code and names the package, the pin space, the chain that reached it and the fix', () => {
    const error = nativeInBrowserError(request, result, ['main.mjs', 'plugins/b/main.mjs (space plugin-b)'])
    expect(error.code).toBe(ErrorCodes.NATIVE_IN_BROWSER)
    expect(error.code).toBe('MODSPACE_NATIVE_IN_BROWSER')
    expect(error.message.split('\n')).toEqual([
      '[MODSPACE_NATIVE_IN_BROWSER] spaces.plugin-b.overrides: gyp-addon@1.0.0 is a native addon (pinned to space "root") and cannot be bundled for a browser target. Reached through:',
      '    main.mjs',
      '      plugins/b/main.mjs (space plugin-b)',
      '        gyp-addon → gyp-addon@1.0.0',
      '  space: plugin-b',
      '  importer: /w/plugins/b/main.mjs',
      `  file: ${addon}`,
      '  expected: no native addon in a browser bundle',
      "  fix: override \"gyp-addon\" with a browser stand-in (or false) in spaces.plugin-b.overrides, or build with target: 'node'",
    ])
    expect(error).toMatchObject({ configPath: 'spaces.plugin-b.overrides', space: 'plugin-b', specifier: 'gyp-addon', file: addon, trace })
  })

  it('names a .node file by its path when it belongs to no package', () => {
    const file = '/w/plugins/b/build/addon.node'
    const error = nativeInBrowserError({ space: 'plugin-b', specifier: './build/addon.node' }, { space: 'root', id: file, kind: 'native', trace: [] }, [])
    expect(error.summary).toBe(`${file} is a native addon (pinned to space "root") and cannot be bundled for a browser target. Reached through:\n    ./build/addon.node → ${file}`)
    expect(error.importer).toBeUndefined()
  })
})
