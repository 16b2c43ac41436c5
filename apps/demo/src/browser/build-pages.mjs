import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildPageWithRollup } from './build-page-rollup.mjs'
import { buildPageWithWebpack } from './build-page-webpack.mjs'
import { installPluginPreact } from './install-plugin-preact.mjs'

/** apps/demo/browser: the host page, its event bus, and the two plugins (Preact 10 and Preact 11). */
export const browserDir = fileURLToPath(new URL('../../browser', import.meta.url))

/** Builds the micro-frontend page into `outDir/rollup` and `outDir/webpack`; resolves to each build's manifest. */
export async function buildPages(outDir) {
  installPluginPreact(browserDir)
  const rollup = await buildPageWithRollup(browserDir, join(outDir, 'rollup'))
  const webpack = await buildPageWithWebpack(browserDir, join(outDir, 'webpack'))
  return { rollup, webpack }
}

/** What a manifest says each space holds of a package: `{ space: [versions] }`. */
export function versionsBySpace(manifest, name) {
  const found = {}
  for (const m of manifest.modules) {
    if (m.package?.name !== name) continue
    found[m.space] = [...new Set([...(found[m.space] ?? []), m.package.version])]
  }
  return found
}
