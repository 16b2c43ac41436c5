import { join } from 'node:path'
import modspace from '@modspace/rollup-plugin'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import { rollup, type RollupLog } from 'rollup'
import { afterEach, expect, it } from 'vitest'
import { writeApp, writeFiles } from './app-fixture.js'
import { commonjs } from './build-with-plugin.js'

let cleanup = () => {}
afterEach(() => cleanup())

/** A root-only app: a CommonJS file that requires a native package and a builtin, and a module that only re-exports. */
function writeCjsApp(): string {
  const app = writeApp(false)
  cleanup = app.cleanup
  writeFiles(app.dir, {
    'node_modules/nat/package.json': JSON.stringify({ name: 'nat', version: '1.0.0', main: 'index.js', gypfile: true }),
    'node_modules/nat/index.js': 'exports.loaded = true\n',
    'cjs.cjs': `require('nat')\nrequire('node:fs')\n`,
    'reexport.mjs': `export { join } from './path-only.mjs'\n`,
    'path-only.mjs': `export { join } from 'node:path'\n`,
  })
  return app.dir
}

async function build(cwd: string, input: string[]) {
  const logs: RollupLog[] = []
  const bundle = await rollup({
    input: input.map((file) => join(cwd, file)),
    plugins: [commonjs(), modspace({ cwd, config: { spaces: {} } }), nodeResolve()],
    onLog: (_level, log) => void logs.push(log),
  })
  const { output } = await bundle.generate({ format: 'es' })
  await bundle.close()
  const asset = output.find((o) => o.fileName === 'modspace-manifest.json')
  const manifest = JSON.parse(asset?.type === 'asset' ? String(asset.source) : '{"modules":[]}') as { modules: Array<{ space: string; kind: string; id: string }> }
  return { logs, rows: manifest.modules.map((m) => `${m.space} ${m.kind} ${m.id}`) }
}

it('lists the native package and the builtin that a CommonJS file requires', async () => {
  const { rows } = await build(writeCjsApp(), ['cjs.cjs'])
  expect(rows).toEqual(['root file cjs.cjs', 'root builtin node:fs', 'root native node_modules/nat/index.js'])
})

it('lists a module that only re-exports, with the builtin it imports', async () => {
  const { rows } = await build(writeCjsApp(), ['reexport.mjs'])
  expect(rows).toEqual(['root builtin node:path', 'root file path-only.mjs', 'root file reexport.mjs'])
})

it('warns about nothing when CommonJS requires a native package', async () => {
  const { logs } = await build(writeCjsApp(), ['cjs.cjs'])
  expect(logs.map((l) => `${l.code}: ${l.message}`)).toEqual([])
})
