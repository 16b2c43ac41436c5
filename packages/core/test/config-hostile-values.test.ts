import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createGraph, ErrorCodes, loadConfig, ModspaceError, type ModspaceConfig } from '../src/index.js'
import { didYouMean } from '../src/did-you-mean.js'
import { describeValue } from '../src/describe-value.js'
import { createMemoryHost } from './memory-host.js'

const host = createMemoryHost({
  '/w/package.json': '{"name":"w","version":"1.0.0"}',
  '/w/a/package.json': '{"name":"a","version":"1.0.0"}',
})

function errorOf(config: unknown): ModspaceError {
  let thrown: unknown
  try {
    createGraph(config as ModspaceConfig, { cwd: '/w', host, configFile: '/w/modspace.config.ts' })
  } catch (error) {
    thrown = error
  }
  expect(thrown).toBeInstanceOf(ModspaceError)
  return thrown as ModspaceError
}

const circular: Record<string, unknown> = { root: './a' }
circular.self = circular
const throwing = Object.defineProperty({}, 'root', { enumerable: true, get: () => { throw new Error('no root today') } })
const revoked = Proxy.revocable({}, {})
revoked.revoke()

// [description, config, code, config path, a phrase of the message]
const cases: Array<[string, unknown, string, string, string]> = [
  ['a BigInt delegation', { spaces: { a: { root: './a', delegation: 10n } } }, ErrorCodes.CONFIG_INVALID, 'spaces.a.delegation', '10n (a BigInt)'],
  ['a circular object as parent', { spaces: { a: { root: './a', parent: circular } } }, ErrorCodes.UNKNOWN_PARENT, 'spaces.a.parent', 'an object with keys "root", "self"'],
  ['a circular space', { spaces: { a: circular } }, ErrorCodes.UNKNOWN_OPTION, 'spaces.a.self', 'unknown option "self"'],
  ['a prototype-less object in shared', { spaces: { a: { root: './a', shared: [Object.create(null)] } } }, ErrorCodes.CONFIG_INVALID, 'spaces.a.shared[0]', 'is not a package name'],
  ['a symbol as root', { spaces: { a: { root: Symbol('r') } } }, ErrorCodes.CONFIG_INVALID, 'spaces.a.root', 'not a symbol'],
  ['a function as conditions', { spaces: {}, conditions: () => ['node'] }, ErrorCodes.CONFIG_INVALID, 'conditions', 'a function'],
  ['a getter that throws', { spaces: { a: throwing } }, ErrorCodes.CONFIG_INVALID, 'spaces.a.root', 'no root today'],
  ['a revoked proxy as a space', { spaces: { a: revoked.proxy } }, ErrorCodes.CONFIG_INVALID, 'spaces.a', 'threw'],
  ['a BigInt as the whole config', 10n, ErrorCodes.CONFIG_INVALID, '(config)', '10n'],
  ['a Map as the native pin', { spaces: {}, native: { pin: new Map() } }, ErrorCodes.UNKNOWN_PARENT, 'native.pin', 'a Map'],
  ['a BigInt override target', { spaces: { a: { root: './a', overrides: { x: 1n } } } }, ErrorCodes.CONFIG_INVALID, 'spaces.a.overrides.x', '1n'],
  // shared is checked item by item, as isolated is.
  ['a number in shared', { spaces: { a: { root: './a', shared: [1] } } }, ErrorCodes.CONFIG_INVALID, 'spaces.a.shared[0]', '1 is not a package name'],
  ['an empty name in shared', { spaces: { a: { root: './a', shared: ['x', ''] } } }, ErrorCodes.CONFIG_INVALID, 'spaces.a.shared[1]', '"" is not a package name'],
  ['null in shared', { spaces: { a: { root: './a', shared: [null] } } }, ErrorCodes.CONFIG_INVALID, 'spaces.a.shared[0]', 'null is not a package name'],
  ['an object in shared', { spaces: { a: { root: './a', shared: [{}] } } }, ErrorCodes.CONFIG_INVALID, 'spaces.a.shared[0]', '{} (an empty object)'],
  ['an empty name in a shared record', { spaces: { a: { root: './a', shared: { '': '*' } } } }, ErrorCodes.CONFIG_INVALID, 'spaces.a.shared.', 'not a package name'],
  ['null in isolated', { spaces: { a: { root: './a', isolated: ['x', null] } } }, ErrorCodes.CONFIG_INVALID, 'spaces.a.isolated[1]', 'null is not a package name'],
]

describe('values no message can print as they are', () => {
  it.each(cases)('%s', (_description, config, code, configPath, phrase) => {
    const error = errorOf(config)
    expect(error.code).toBe(code)
    expect(error.configPath).toBe(configPath)
    expect(error.file).toBe('/w/modspace.config.ts')
    expect(error.message).toContain(phrase)
    expect(error.fix).toBeTruthy()
  })

  it('describes anything without running its code', () => {
    const trap = new Proxy({}, { getPrototypeOf: () => { throw new Error('trap') } })
    expect(describeValue(trap)).toBe('a value that cannot be described')
    expect(describeValue(Object.create(null))).toBe('an object with no prototype')
    expect(describeValue({ toString: () => { throw new Error('no') }, a: 1 })).toBe('an object with keys "toString", "a"')
    expect(describeValue('x'.repeat(1000)).length).toBeLessThan(100)
  })
})

describe('did-you-mean on long names', () => {
  // A quadratic comparison of these would take minutes: the test's timeout is the guard, no timing is asserted.
  it('gives up on names no one types by hand, and still suggests for short ones', () => {
    const long = 'p'.repeat(100_000)
    expect(didYouMean(`${long}x`, [long, 'root'])).toBeUndefined()
    expect(didYouMean('plugn', [long, 'plugin'])).toBe('plugin')
    const error = errorOf({ spaces: { [long]: { root: './a' }, b: { root: './a', parent: `${long}q` } } })
    expect(error.code).toBe(ErrorCodes.UNKNOWN_PARENT)
  })
})

describe('a config file with no default export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'modspace-no-default-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('says so, with the file and the fix', async () => {
    const file = join(dir, 'modspace.config.mjs')
    writeFileSync(file, 'export const a = 1\n')
    const error = await loadConfig(file).then(() => undefined, (e: unknown) => e)
    expect(error).toBeInstanceOf(ModspaceError)
    expect(error).toMatchObject({ code: ErrorCodes.CONFIG_INVALID, file, configPath: '(default export)' })
    expect((error as ModspaceError).message).toContain('no default export (it exports "a")')
    expect((error as ModspaceError).fix).toContain('export default defineConfig')
  })

  it('still loads a CommonJS config', async () => {
    const file = join(dir, 'modspace.config.cjs')
    writeFileSync(file, 'module.exports = { spaces: {} }\n')
    expect((await loadConfig(file)).config).toEqual({ spaces: {} })
  })
})
