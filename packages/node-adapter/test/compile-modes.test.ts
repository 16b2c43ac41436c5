import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { makeTempDir } from '@modspace/test-utils'
import { afterAll, expect, it } from 'vitest'
import { ModuleSpace } from '../src/index.js'

// How an ES module is compiled shows in its stack frames: they must carry the module's file, as Node's do, for stack
// traces and for libraries that find their caller's file (callsites, parent-module, import-fresh), also when the
// path has white space in it.
const temp = makeTempDir('modspace-compile-modes-')
afterAll(() => temp.cleanup())
const dir = join(temp.dir, 'with space')
mkdirSync(dir)
writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'frames', version: '1.0.0', type: 'module' }))
writeFileSync(
  join(dir, 'frames.js'),
  [
    'export function caller() {',
    '  const prepare = Error.prepareStackTrace',
    '  Error.prepareStackTrace = (_, frames) => frames',
    '  const frames = new Error().stack',
    '  Error.prepareStackTrace = prepare',
    '  return frames[0].getFileName()',
    '}',
    "export function boom() { throw new Error('boom') }",
    '',
  ].join('\n'),
)

it("gives stack frames the module's file, as Node does (CallSite.getFileName and the stack's text)", async () => {
  const space = new ModuleSpace({ parent: undefined, root: dir, delegation: 'self-first' })
  const frames = await space.import('./frames.js')
  expect(frames.caller()).toBe(pathToFileURL(join(dir, 'frames.js')).href)
  expect(() => frames.boom()).toThrow(expect.objectContaining({ stack: expect.stringContaining(`${pathToFileURL(join(dir, 'frames.js')).href}:8:`) }))
  await space.dispose()
})

it('gives the same file name as Node for the same module', async () => {
  const script = `const m = await import(${JSON.stringify(join(dir, 'frames.js'))}); console.log(m.caller())`
  const native = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim()
  const space = new ModuleSpace({ parent: undefined, root: dir, delegation: 'self-first' })
  // Node names an ES module by its URL (white space escaped).
  expect((await space.import('./frames.js')).caller()).toBe(native)
  await space.dispose()
})
