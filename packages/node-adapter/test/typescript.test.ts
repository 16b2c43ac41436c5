import { describe, expect, it } from 'vitest'
import { inSpace, inSpaceProcess, native } from './compare-with-node.js'
import { fixture } from './fixture-path.js'

// TypeScript runs in a space as in Node 24: types stripped by Node's own step, `.mts` as ESM, `.cts` as CommonJS,
// `.ts` by the nearest package.json's "type" (or detected), and the same errors for what stripping cannot run.
// Each fixture is loaded natively (a child process running Node 24) and in a space, and the data compared.
const root = fixture('typescript')

describe('TypeScript in a space', () => {
  it('loads a plugin of .ts, .mts and .cts files with type-only imports, as Node does', async () => {
    const expected = native(root, 'esm/plugin.ts')
    expect(expected).toEqual({ areas: [9, 13], names: ['square', 'circle'], counted: 4, stripped: true })
    expect(await inSpace(root, 'esm/plugin.ts')).toEqual(expected)
  })

  it('detects the format of a .ts file with no "type" above it, as Node does for .js', async () => {
    const expected = native(root, 'untyped/esm.ts')
    expect(expected).toEqual({ format: 'module', cjs: 'commonjs' })
    expect(await inSpace(root, 'untyped/esm.ts')).toEqual(expected)
  })

  it('refuses what Node refuses, with its error codes, messages and stack heads', async () => {
    const expected = native(root, 'esm/errors.ts') as Record<string, { code?: string; head?: string }>
    expect(expected.enum!.code).toBe('ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX')
    expect(expected.importEquals!.code).toBe('ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX')
    expect(expected.invalid!.code).toBe('ERR_INVALID_TYPESCRIPT_SYNTAX')
    expect(expected.nodeModules!.code).toBe('ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING')
    const actual = (await inSpace(root, 'esm/errors.ts')) as Record<string, { head?: string }>
    // Below its first line, the stack of the node_modules refusal is Node's internal frames or the adapter's.
    expected.nodeModules!.head = actual.nodeModules!.head = undefined
    expect(actual).toEqual(expected)
  })

  it('keeps lines and columns: stripped types become white space', async () => {
    const expected = native(root, 'esm/where.ts')
    expect(expected).toEqual({ first: { line: 3, column: 26 }, later: { line: 3, column: 82 } })
    expect(await inSpace(root, 'esm/where.ts')).toEqual(expected)
  })

  it('warns of nothing: loading TypeScript natively gives no ExperimentalWarning, nor does a space', () => {
    expect(inSpaceProcess(root, 'esm/plugin.ts')).toEqual({ data: native(root, 'esm/plugin.ts'), stderr: '' })
  })

  it('transforms what stripping refuses under --experimental-transform-types, as Node does', () => {
    const flags = ['--experimental-transform-types', '--no-warnings']
    const expected = native(root, 'esm/transformed.ts', flags)
    expect(expected).toEqual({ Red: 0, Green: 1, 0: 'Red', 1: 'Green' })
    expect(inSpaceProcess(root, 'esm/transformed.ts', flags)).toEqual({ data: expected, stderr: '' })
  })
})
