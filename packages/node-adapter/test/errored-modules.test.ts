import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ModuleSpace } from '../src/index.js'
import { inSpace, native } from './compare-with-node.js'
import { fixture } from './fixture-path.js'

// Each fixture script runs through Node's own loader and as the entry of a fresh space: the data must match.
const root = fixture('errored')

describe('an ES module that throws, as in Node', () => {
  it('is evaluated once for twenty concurrent importers, and every importer, later ones and require() get the same error', async () => {
    const expected = native(root, 'concurrent.js') as Record<string, any>
    expect(expected.counts).toEqual({ throws: 1, throwsLater: 1, importer: 0 })
    expect(await inSpace(root, 'concurrent.js')).toEqual(expected)
  }, 30_000)
})

describe('a syntax error in an ES module, as in Node', () => {
  // What Node prints for the uncaught error: `file:///…:line`, the line, a caret, then `SyntaxError: message`.
  const printedByNode = (file: string) => {
    const { stderr } = spawnSync(process.execPath, [join(root, file)], { encoding: 'utf8' })
    return stderr.split('\n').slice(0, 5)
  }
  for (const file of ['syntax-token.js', 'syntax-redeclared.js', 'syntax-await.js', 'syntax-end.js']) {
    it(`gives V8's message, the file, line, offending line and caret for ${file} (import and require)`, async () => {
      const expected = printedByNode(file)
      expect(expected[0]).toMatch(/^file:\/\/\/.*:\d+$/)
      const space = new ModuleSpace({ parent: undefined, root, delegation: 'self-first' })
      const imported = (await space.import(`./${file}`).catch((e: Error) => e)) as Error
      const required = (() => {
        try {
          return space.require(`./${file}`)
        } catch (error) {
          return error as Error
        }
      })()
      await space.dispose()
      for (const error of [imported, required]) {
        expect(error).toBeInstanceOf(SyntaxError)
        expect(`SyntaxError: ${error.message}`).toBe(expected[4])
        expect(error.stack!.split('\n').slice(0, 5)).toEqual(expected)
      }
    }, 30_000)
  }
})

describe('a namespace read during a cycle', () => {
  it("throws Node's TDZ ReferenceError for an uninitialised binding; its keys are listed (a documented difference)", async () => {
    const { keys, entries, ...expected } = native(root, 'tdz.js') as Record<string, unknown>
    expect(keys).toBe("ReferenceError: Cannot access 'fromA' before initialization")
    const { keys: keysInSpace, entries: entriesInSpace, ...actual } = (await inSpace(root, 'tdz.js')) as Record<string, unknown>
    expect(actual).toEqual(expected)
    expect(expected.read).toBe("ReferenceError: Cannot access 'late' before initialization")
    // docs/runtime.md: only a Proxy could run code when Object.keys looks at a namespace's properties.
    expect(keysInSpace).toEqual(['fromA', 'hoisted', 'late'])
    expect([entries, entriesInSpace]).toEqual(["ReferenceError: fromA is not defined", "ReferenceError: Cannot access 'fromA' before initialization"])
  }, 30_000)
})

describe('a syntax error where no child process can run', () => {
  it("gets the same head from the parser's position, with the parser's message", async () => {
    const execPath = process.execPath
    process.execPath = join(root, 'no-such-node')
    const space = new ModuleSpace({ parent: undefined, root, delegation: 'self-first' })
    try {
      const error = (await space.import('./syntax-no-child.js').catch((e: Error) => e)) as Error
      expect(error).toBeInstanceOf(SyntaxError)
      expect(error.message).toBe('Expression expected')
      expect(error.stack!.split('\n').slice(0, 5)).toEqual([
        `${pathToFileURL(join(root, 'syntax-no-child.js')).href}:3`,
        'export default a',
        '^',
        '',
        `SyntaxError: ${error.message}`,
      ])
    } finally {
      process.execPath = execPath
      await space.dispose()
    }
  })
})
