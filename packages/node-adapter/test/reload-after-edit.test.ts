import { utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { makeTempDir } from '@modspace/test-utils'
import { afterAll, expect, it } from 'vitest'
import { createSpaces } from '../src/index.js'

// Compiled files are shared by every space of the process and checked against the file's mtime and size once per set
// of spaces (from the core's own lstat while resolving, or a stat): a new set after an edit runs the new code.
const temp = makeTempDir('modspace-reload-')
afterAll(() => temp.cleanup())

const write = (name: string, text: string, mtime: number) => {
  const path = join(temp.dir, name)
  writeFileSync(path, text)
  utimesSync(path, mtime, mtime)
}

it('runs the edited code of CommonJS and ES modules in a new set of spaces, the old code in the old set', async () => {
  writeFileSync(join(temp.dir, 'package.json'), JSON.stringify({ name: 'reload', version: '1.0.0' }))
  write('value.cjs', 'module.exports = 1\n', 1_000_000)
  write('value.mjs', 'export const value = 1\n', 1_000_000)
  const config = { spaces: { app: { root: '.' } } }
  const first = await createSpaces(config, { cwd: temp.dir })
  expect(first.get('app').require('./value.cjs')).toBe(1)
  expect((await first.get('app').import('./value.mjs')).value).toBe(1)

  // Same size, so that only the mtime tells.
  write('value.cjs', 'module.exports = 2\n', 2_000_000)
  write('value.mjs', 'export const value = 2\n', 2_000_000)
  const second = await createSpaces(config, { cwd: temp.dir })
  expect(second.get('app').require('./value.cjs')).toBe(2)
  expect((await second.get('app').import('./value.mjs')).value).toBe(2)
  expect(first.get('app').require('./value.cjs')).toBe(1)
  await first.dispose()
  await second.dispose()
})

it('runs the code as it is when loaded, not as it was when the space first resolved the file', async () => {
  write('late.cjs', 'module.exports = 1\n', 1_000_000)
  const config = { spaces: { app: { root: '.' } } }
  const first = await createSpaces(config, { cwd: temp.dir })
  expect(first.get('app').require('./late.cjs')).toBe(1)
  const second = await createSpaces(config, { cwd: temp.dir })
  // Resolved (the core's host saw version 1), then edited, then loaded: the compiled version 1 must not be reused.
  expect(second.get('app').resolve('./late.cjs', { kind: 'require' })).toBe(join(temp.dir, 'late.cjs'))
  write('late.cjs', 'module.exports = 2\n', 2_000_000)
  expect(second.get('app').require('./late.cjs')).toBe(2)
  await first.dispose()
  await second.dispose()
})
