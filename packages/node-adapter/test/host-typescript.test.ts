import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { expect, it } from 'vitest'
import { fillHostNamespaceSync, hostNamespace } from '../src/host-modules.js'
import { fixture } from './fixture-path.js'

// A root-owned CommonJS TypeScript file imported by a space's ES module of a `require(esm)` graph: its namespace has
// the names Node's `import` gives it (cjs-module-lexer over the stripped source), not the keys of its value.
const root = fixture('host-cts')

it('names the exports of a host CommonJS .cts file as Node does, from its stripped source, and module.exports too', () => {
  for (const file of ['shape.cts', 'shape-esm.cts', 'plain.cjs']) {
    const id = join(root, file)
    const script = `import(${JSON.stringify(pathToFileURL(id).href)}).then((ns) => console.log(JSON.stringify(Object.keys(ns).sort())))`
    const expected = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as string[]
    fillHostNamespaceSync(id)
    const { ns } = hostNamespace(id)
    expect(Object.keys(ns).sort()).toEqual(expected)
    expect(ns['module.exports']).toBe(ns.default)
  }
})
