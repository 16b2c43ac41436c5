import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { makeTempDir } from '@modspace/test-utils'
import { afterAll, expect, it } from 'vitest'

// How an ES module is compiled shows in its stack traces: the file and line always, the original source with
// --enable-source-maps, and still the file when eval is disallowed (vm.Script then). Run in child processes, on the
// built package, since the flags are the process's.
const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url))
const temp = makeTempDir('modspace-compile-modes-')
afterAll(() => temp.cleanup())

// Line 3 of thrower.js comes from line 10 of thrower.ts.
const map = { version: 3, sources: ['thrower.ts'], names: [], mappings: ';;AASA', file: 'thrower.js' }
writeFileSync(join(temp.dir, 'package.json'), JSON.stringify({ name: 'thrower', version: '1.0.0', type: 'module' }))
writeFileSync(
  join(temp.dir, 'thrower.js'),
  `export function boom() {\n  // line 2\n  throw new Error('boom')\n}\n//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify(map)).toString('base64')}\n`,
)

function stackLine(flags: string[]): string {
  const script = `import { ModuleSpace } from ${JSON.stringify(dist)}
const space = new ModuleSpace({ parent: undefined, root: ${JSON.stringify(temp.dir)}, delegation: 'self-first' })
const { boom } = await space.import('./thrower.js')
try { boom() } catch (error) { console.log(error.stack.split('\\n').find((line) => line.includes('thrower'))) }`
  return execFileSync(process.execPath, [...flags, '--input-type=module', '-e', script], { encoding: 'utf8' }).trim()
}

it('names the file and line of an ES module in its stack traces', () => {
  expect(stackLine([])).toContain(`${join(temp.dir, 'thrower.js')}:3:`)
})

it("maps them through the module's source map with --enable-source-maps", () => {
  expect(stackLine(['--enable-source-maps'])).toContain(`${join(temp.dir, 'thrower.ts')}:10:`)
})

it('still names the file when code generation from strings is disallowed', () => {
  expect(stackLine(['--disallow-code-generation-from-strings'])).toContain(`${join(temp.dir, 'thrower.js')}:3:`)
})
