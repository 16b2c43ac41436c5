import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ModspacePlugin } from '@modspace/webpack-plugin'
import { runWebpack } from '../run-webpack.mjs'
import { pageHtml } from './page-html.mjs'

/** The same page through webpack: a layer per space, one runtime chunk so that the host's bus is one instance. */
export async function buildPageWithWebpack(browserDir, dir) {
  await runWebpack({
    mode: 'production',
    target: 'web',
    context: browserDir,
    entry: { host: './host.js' },
    output: { path: dir, filename: '[name].js' },
    optimization: { runtimeChunk: 'single' },
    performance: { hints: false },
    plugins: [new ModspacePlugin({ config: browserDir })],
  })
  const scripts = ['runtime.js', 'host.js', 'classic/main.js', 'modern/main.js'].map((src) => ({ src, module: false }))
  writeFileSync(join(dir, 'index.html'), pageHtml({ bundler: 'webpack', scripts }))
  return JSON.parse(readFileSync(join(dir, 'modspace-manifest.json'), 'utf8'))
}
