import { expect, it } from 'vitest'
import { inSpaceProcess, native } from './compare-with-node.js'
import { fixture } from './fixture-path.js'

// Node warns MODULE_TYPELESS_PACKAGE_JSON when a .js file of no declared type only parses as an ES module: once per
// package.json per process, not for files under node_modules. A space gives the same warnings (each run in a child
// process: the warning is once per process).
it('warns about a typeless package.json as Node does', () => {
  const root = fixture('typeless')
  const expected = native(root, 'main.mjs', ['--no-warnings'])
  expect(expected).toEqual([
    { code: 'MODULE_TYPELESS_PACKAGE_JSON', message: expect.stringContaining('add "type": "module" to ./package.json') },
    { code: 'MODULE_TYPELESS_PACKAGE_JSON', message: expect.stringContaining('add "type": "module" to ./sub/package.json') },
  ])
  expect(inSpaceProcess(root, 'main.mjs', ['--no-warnings']).data).toEqual(expected)
})
