import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Temporary folders live inside the package so that the built plugin and rollup resolve from them. */
const TMP = fileURLToPath(new URL('../.tmp', import.meta.url))

const pkg = (name: string, version: string, more: object = {}) => JSON.stringify({ name, version, ...more })
const leaf = (what: string, version: string) => `// ${what}: one token per instance\nexport const version = '${version}'\nexport const token = {}\n`

/**
 * A small app: `root` (main.mjs) and two plugin spaces with entries. `dep` is 1.0.0 at the root and 2.0.0 in each
 * plugin (own copies: one instance per space); `shared` satisfies both plugins from the root (one instance);
 * `dual` has `import`/`require` builds; `gyp-addon` has a binding.gyp (native, pinned to root).
 */
export const APP_FILES: Record<string, string> = {
  'package.json': pkg('app', '1.0.0', { type: 'module', dependencies: { dep: '^1.0.0', shared: '^1.0.0', dual: '^1.0.0' } }),
  'main.mjs': `export * as dep from 'dep'\nexport * as shared from 'shared'\n`,
  'node_modules/dep/package.json': pkg('dep', '1.0.0', { type: 'module', main: 'index.js' }),
  'node_modules/dep/index.js': leaf('dep@1.0.0', '1.0.0'),
  'node_modules/shared/package.json': pkg('shared', '1.0.0', { type: 'module', main: 'index.js' }),
  'node_modules/shared/index.js': leaf('shared@1.0.0', '1.0.0'),
  'node_modules/dual/package.json': pkg('dual', '1.0.0', { exports: { import: './esm.mjs', require: './cjs.cjs' } }),
  'node_modules/dual/esm.mjs': `export const build = 'import'\nexport const token = {}\n`,
  'node_modules/dual/cjs.cjs': `exports.build = 'require'\nexports.token = {}\n`,
  'node_modules/gyp-addon/package.json': pkg('gyp-addon', '1.0.0', { main: 'index.js' }),
  'node_modules/gyp-addon/binding.gyp': '{ "targets": [] }\n',
  'node_modules/gyp-addon/index.js': `globalThis.__gypAddonLoads = (globalThis.__gypAddonLoads ?? 0) + 1\nexports.token = {}\n`,
  'plugins/a/package.json': pkg('plugin-a', '1.0.0', { dependencies: { dep: '^2.0.0', shared: '^1.0.0' } }),
  'plugins/a/main.mjs': [
    `export * as dep from 'dep'`,
    `export * as shared from 'shared'`,
    `export { default as legacy } from './legacy.cjs'`,
    `export const loadLazy = () => import('./lazy.mjs')`,
    '',
  ].join('\n'),
  'plugins/a/lazy.mjs': `export * as dep from 'dep'\n`,
  'plugins/a/legacy.cjs': `exports.dep = require('dep')\nexports.dual = require('dual')\n`,
  'plugins/a/node_modules/dep/package.json': pkg('dep', '2.0.0', { type: 'module', main: 'index.js' }),
  'plugins/a/node_modules/dep/index.js': leaf('dep@2.0.0 of plugin-a', '2.0.0'),
  'plugins/b/package.json': pkg('plugin-b', '1.0.0', { dependencies: { dep: '^2.0.0', shared: '^1.0.0' } }),
  'plugins/b/main.mjs': `export * as dep from 'dep'\nexport * as shared from 'shared'\nexport * as addon from 'gyp-addon'\n`,
  'plugins/b/node_modules/dep/package.json': pkg('dep', '2.0.0', { type: 'module', main: 'index.js' }),
  'plugins/b/node_modules/dep/index.js': leaf('dep@2.0.0 of plugin-b', '2.0.0'),
}

/** The config the tests use (the README test writes the README's own config instead). */
export const APP_CONFIG = JSON.stringify({
  spaces: {
    'plugin-a': { root: './plugins/a', entries: { main: './plugins/a/main.mjs' } },
    'plugin-b': { root: './plugins/b', entries: { main: './plugins/b/main.mjs' } },
  },
})

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
}

/** The app written into a fresh folder (with `modspace.config.json` unless `withConfig` is false), removed by `cleanup`. */
export function writeApp(withConfig = true): { dir: string; cleanup: () => void } {
  mkdirSync(TMP, { recursive: true })
  const dir = mkdtempSync(join(TMP, 'app-'))
  writeFiles(dir, { ...APP_FILES, ...(withConfig ? { 'modspace.config.json': APP_CONFIG } : {}) })
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

const readApp = fileURLToPath(new URL('./read-app.mjs', import.meta.url))

/** What the app's config implies once its three entries run in one process. */
export const EXPECTED_FACTS = {
  versions: { root: '1.0.0', a: '2.0.0', b: '2.0.0' },
  depOnePerSpace: true,
  sharedOnce: true,
  lazyKeepsSpace: true,
  requireInSpace: true,
  requireBuild: 'require',
  addonLoads: 1,
}

export function runApp(outDir: string): unknown {
  return JSON.parse(execFileSync(process.execPath, [readApp, outDir], { encoding: 'utf8' }))
}

