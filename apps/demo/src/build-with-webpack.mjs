import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { ModspacePlugin } from '@modspace/webpack-plugin'
import { runWebpack } from './run-webpack.mjs'
import { pluginFacts } from './plugin-facts.mjs'

/** The same config through webpack: a layer per space, one runtime so that root's modules are one instance. */
export async function buildWithWebpack(example, dir) {
  await runWebpack({
    mode: 'production',
    target: 'node',
    context: example,
    entry: { host: './host.js' },
    output: { path: dir, filename: '[name].cjs', library: { type: 'commonjs2' } },
    optimization: { runtimeChunk: 'single' },
    plugins: [new ModspacePlugin({ config: example })],
  })
  const require = createRequire(import.meta.url)
  const charts = require(join(dir, 'charts/main.cjs'))
  const legacy = require(join(dir, 'legacy-reports/main.cjs'))
  const manifest = JSON.parse(readFileSync(join(dir, 'modspace-manifest.json'), 'utf8'))
  return { ...pluginFacts(charts, legacy), manifest }
}
