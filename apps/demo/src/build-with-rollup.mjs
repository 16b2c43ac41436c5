import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import commonjs from '@rollup/plugin-commonjs'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import modspace from '@modspace/rollup-plugin'
import { rollup } from 'rollup'
import { pluginFacts } from './plugin-facts.mjs'

/** Each space's entries become inputs named <space>/<entry>; the output runs in this process. */
export async function buildWithRollup(example, dir) {
  const bundle = await rollup({
    input: { host: join(example, 'host.js') },
    plugins: [commonjs(), modspace({ config: example }), nodeResolve()],
    onLog: () => {},
  })
  await bundle.write({ dir, format: 'es' })
  await bundle.close()
  const charts = await import(pathToFileURL(join(dir, 'charts/main.js')).href)
  const legacy = await import(pathToFileURL(join(dir, 'legacy-reports/main.js')).href)
  const manifest = JSON.parse(readFileSync(join(dir, 'modspace-manifest.json'), 'utf8'))
  return { ...pluginFacts(charts, legacy), manifest }
}
