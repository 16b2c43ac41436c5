import { describe, expect, it } from 'vitest'
import { createGraph, ErrorCodes, ModspaceError, type ModspaceConfig } from '../src/index.js'
import { createMemoryHost } from './memory-host.js'

const host = createMemoryHost({
  '/w/package.json': '{"name":"w","version":"1.0.0"}',
  '/w/a/package.json': '{"name":"a","version":"1.0.0"}',
  '/w/b/package.json': '{"name":"b","version":"1.0.0"}',
  '/w/fake-net.js': 'export const fake = true',
})

function errorOf(config: unknown): ModspaceError {
  try {
    createGraph(config as ModspaceConfig, { cwd: '/w', host, configFile: '/w/modspace.config.json' })
  } catch (error) {
    expect(error).toBeInstanceOf(ModspaceError)
    return error as ModspaceError
  }
  throw new Error('expected a config error')
}

// [description, config, code, config path, a phrase the fix or message must contain]
const cases: Array<[string, unknown, string, string, string]> = [
  ['unknown parent, with a did-you-mean', { spaces: { a: { root: './a', parent: 'bb' } , b: { root: './b' } } }, ErrorCodes.UNKNOWN_PARENT, 'spaces.a.parent', 'did you mean "b"?'],
  ['a space is its own parent', { spaces: { a: { root: './a', parent: 'a' } } }, ErrorCodes.PARENT_CYCLE, 'spaces.a.parent', 'own parent'],
  ['a parent cycle', { spaces: { a: { root: './a', parent: 'b' }, b: { root: './b', parent: 'a' } } }, ErrorCodes.PARENT_CYCLE, 'spaces.a.parent', 'a → b → a'],
  ['a space named root', { spaces: { root: { root: './a' } } }, ErrorCodes.RESERVED_NAME, 'spaces.root', 'rename the space'],
  ['a missing root folder', { spaces: { a: { root: './nope' } } }, ErrorCodes.ROOT_MISSING, 'spaces.a.root', '/w/nope'],
  ['an override file that does not exist', { spaces: { a: { root: './a', overrides: { 'node:net': './fake-nett.js' } } } }, ErrorCodes.OVERRIDE_TARGET_MISSING, 'spaces.a.overrides.node:net', '/w/fake-nett.js'],
  ['an invalid shared range', { spaces: { a: { root: './a', shared: { react: 'not-a-range!' } } } }, ErrorCodes.INVALID_RANGE, 'spaces.a.shared.react', 'not a semver range'],
  ['an unknown space option, with a did-you-mean', { spaces: { a: { root: './a', isolate: ['x'] } } }, ErrorCodes.UNKNOWN_OPTION, 'spaces.a.isolate', 'did you mean "isolated"?'],
  ['an unknown top-level option', { spaces: {}, nativ: {} }, ErrorCodes.UNKNOWN_OPTION, 'nativ', 'did you mean "native"?'],
  ['an unknown native pin', { spaces: { a: { root: './a' } }, native: { pin: 'aa' } }, ErrorCodes.UNKNOWN_PARENT, 'native.pin', 'did you mean "a"?'],
  ['no spaces at all', {}, ErrorCodes.CONFIG_INVALID, 'spaces', 'spaces'],
  ['a bad delegation', { spaces: { a: { root: './a', delegation: 'child-first' } } }, ErrorCodes.CONFIG_INVALID, 'spaces.a.delegation', 'self-first'],
  ['shared and isolated at once', { spaces: { a: { root: './a', shared: ['x'], isolated: ['x'] } } }, ErrorCodes.CONFIG_INVALID, 'spaces.a.isolated', 'both shared and isolated'],
  ['a space that is not an object', { spaces: { a: 'a' } }, ErrorCodes.CONFIG_INVALID, 'spaces.a', 'root: "./path/to/a"'],
  ['a root that is not a string', { spaces: { a: { root: 1 } } }, ErrorCodes.CONFIG_INVALID, 'spaces.a.root', 'must be a path, not 1'],
  ['shared that is neither list nor record', { spaces: { a: { root: './a', shared: 'react' } } }, ErrorCodes.CONFIG_INVALID, 'spaces.a.shared', '{ "react": "^18.2.0" }'],
  ['an override target of the wrong type', { spaces: { a: { root: './a', overrides: { x: true } } } }, ErrorCodes.CONFIG_INVALID, 'spaces.a.overrides.x', 'false (blocked)'],
  ['an entry that is not a path', { spaces: { a: { root: './a', entries: { main: 1 } } } }, ErrorCodes.CONFIG_INVALID, 'spaces.a.entries.main', '"./src/index.js"'],
  ['an unknown onConflict', { spaces: {}, native: { onConflict: 'ignore' } }, ErrorCodes.CONFIG_INVALID, 'native.onConflict', '"warn"'],
  ['conditions that are not a list', { spaces: {}, conditions: 'node' }, ErrorCodes.CONFIG_INVALID, 'conditions', '["browser", "development"]'],
]

describe('config errors', () => {
  it.each(cases)('%s', (_description, config, code, configPath, phrase) => {
    const error = errorOf(config)
    expect(error.code).toBe(code)
    expect(error.configPath).toBe(configPath)
    expect(error.file).toBe('/w/modspace.config.json')
    expect(error.message).toContain(phrase)
    // Every message leads with the code and the config path, so a log line alone says what and where.
    expect(error.message.split('\n')[0]).toContain(`[${code}] ${configPath}:`)
    // ...and ends with what was expected and the fix.
    expect(error.expected).toBeTruthy()
    expect(error.fix).toBeTruthy()
  })

  it('accepts a valid config and fills in the defaults', () => {
    const graph = createGraph({ spaces: { a: { root: './a' }, b: { root: './b', parent: 'a', delegation: 'self-first' } } }, { cwd: '/w', host })
    const b = graph.space('b')
    expect(b.chain).toEqual(['b', 'a', 'root'])
    expect(graph.space('a').delegation).toBe('parent-first')
    expect(graph.config.native).toMatchObject({ pin: 'root', onConflict: 'error' })
    expect(graph.config.conditions).toEqual(['node'])
  })

  it('names the unknown space a request asks for', () => {
    const graph = createGraph({ spaces: { 'plugin-a': { root: './a' } } }, { cwd: '/w', host })
    expect(() => graph.resolve({ space: 'plugin-b', specifier: 'x' })).toThrow(/did you mean "plugin-a"\?/)
  })
})
