import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runInNewContext } from 'node:vm'
import { ModspacePlugin } from '@modspace/webpack-plugin'
import type { Configuration } from 'webpack'
import { expect } from 'vitest'
import { readManifest } from './app-fixture.js'
import { nodeBuild } from './run-webpack.js'

/** test/fixtures/browser-app: a page and a space each reaching their own copy of a package with a `browser` condition. */
export const BROWSER_APP = fileURLToPath(new URL('fixtures/browser-app', import.meta.url))

/** A production browser build of the app, one global per entry. */
export function browserBuild(outDir: string): Configuration {
  return nodeBuild(BROWSER_APP, outDir, { page: './page.js' }, {
    mode: 'production',
    target: 'web',
    // One global per entry, read back from a browser-like context below.
    output: { path: outDir, filename: '[name].js', library: { type: 'global', name: 'built_[name]' } },
    optimization: { runtimeChunk: false },
    plugins: [new ModspacePlugin({ config: './modspace.config.json' })],
  })
}

/** The build took the browser files, each space its own copy, and runs in a browser-like context. */
export function expectBrowserBuild(outDir: string): void {
  expect(readManifest(outDir).modules.map((m) => `${m.space} ${m.id}`)).toEqual([
    'root node_modules/either/browser.js',
    'root page.js',
    'widgets widgets/index.js',
    'widgets widgets/node_modules/either/browser.js',
  ])
  const window: Record<string, any> = {}
  window.self = window
  for (const file of ['page.js', 'widgets/main.js']) runInNewContext(readFileSync(join(outDir, file), 'utf8'), window)
  expect(window['built_page'].page).toBe('browser 1.0.0')
  expect(window['built_widgets/main'].widgets).toBe('browser 2.0.0')
}
