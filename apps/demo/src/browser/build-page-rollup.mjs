import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import modspace from '@modspace/rollup-plugin'
import { rollup } from 'rollup'
import { pageHtml } from './page-html.mjs'

/** The host and each space's entries as ES modules in `dir`, with index.html and the manifest. */
export async function buildPageWithRollup(browserDir, dir) {
  const bundle = await rollup({
    input: { host: join(browserDir, 'host.js') },
    plugins: [modspace({ config: browserDir, target: 'browser' }), nodeResolve({ browser: true }), json()],
    onLog: () => {},
  })
  await bundle.write({ dir, format: 'es' })
  await bundle.close()
  const scripts = ['host.js', 'classic/main.js', 'modern/main.js'].map((src) => ({ src, module: true }))
  writeFileSync(join(dir, 'index.html'), pageHtml({ bundler: 'rollup', scripts }))
  return JSON.parse(readFileSync(join(dir, 'modspace-manifest.json'), 'utf8'))
}
