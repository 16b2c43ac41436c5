import { existsSync } from 'node:fs'
import modspace from '@modspace/rollup-plugin'
import { chromium } from 'playwright-core'
import { createServer, type PluginOption } from 'vite'
import { afterEach, expect, it } from 'vitest'
import { writeApp, writeFiles } from './app-fixture.js'

const CHROMIUM = '/usr/bin/chromium'
let cleanup: () => Promise<void> | void = () => {}
afterEach(() => cleanup())

/**
 * The page loads the host and both plugin spaces' entries as the dev server serves them (unbundled, one URL per
 * module), and reports versions and which tokens are the same object, for ES packages (`dep`, `shared`) and CommonJS
 * ones (`cjsdep` in two versions, `cjsshared` once), which the plugin serves through its own CommonJS wrapper.
 */
const PAGE = `<!doctype html>
<script type="module">
  // A module that fails to load is reported at once, rather than by the test's timeout.
  try {
    const host = await import('/main.mjs')
    const a = await import('/plugins/a/main.mjs?modspace=plugin-a')
    const b = await import('/plugins/b/main.mjs?modspace=plugin-b')
    const lazy = await a.loadLazy()
    window.facts = {
      versions: { root: host.dep.version, a: a.dep.version, b: b.dep.version },
      depOnePerSpace: a.dep.token !== b.dep.token && a.dep.token !== host.dep.token,
      sharedOnce: a.shared.token === host.shared.token && b.shared.token === host.shared.token,
      lazyKeepsSpace: lazy.dep.token === a.dep.token,
      edited: a.edited ?? false,
      cjsVersions: { root: host.cjs.version, a: a.cjs.version, b: b.cjs.version },
      cjsOnePerSpace: a.cjs.token !== b.cjs.token && a.cjs.token !== host.cjs.token,
      cjsSharedOnce: a.cjsShared === host.cjsShared && b.cjsShared === host.cjsShared,
      cjsRelative: a.cjs.helper,
      requireInSpace: a.legacy.dep.token === a.dep.token && a.legacy.cjs === a.cjs,
      requireBuild: a.legacy.dual.build,
      requireMissing: a.legacy.missing,
    }
  } catch (error) {
    window.facts = { error: String(error?.stack ?? error) }
  }
</script>
`

const CJS_IMPORTS = `export { default as cjs } from 'cjsdep'\nexport { token as cjsShared } from 'cjsshared'\n`
const PLUGIN_A = `export * as dep from 'dep'\nexport * as shared from 'shared'\nexport const loadLazy = () => import('./lazy.mjs')\nexport { default as legacy } from './legacy.cjs'\n${CJS_IMPORTS}`
const cjsPackage = (version: string) => ({
  'package.json': JSON.stringify({ name: 'cjsdep', version, main: 'index.js' }),
  'index.js': `'use strict'\nexports.version = '${version}'\nexports.token = {}\nexports.helper = require('./helper.js').name\n`,
  'helper.js': `module.exports = { name: 'helper of ${version}' }\n`,
})
const inFolder = (dir: string, files: Record<string, string>) => Object.fromEntries(Object.entries(files).map(([path, text]) => [`${dir}/${path}`, text]))
const pluginPackage = (name: string) => JSON.stringify({ name, version: '1.0.0', dependencies: { dep: '^2.0.0', shared: '^1.0.0', cjsdep: '^2.0.0', cjsshared: '^1.0.0' } })
/** CommonJS packages beside the app's ES ones: `cjsdep` 1.0.0 at the root and 2.0.0 in each plugin, `cjsshared` once. */
const CJS_FILES = {
  ...inFolder('node_modules/cjsdep', cjsPackage('1.0.0')),
  ...inFolder('plugins/a/node_modules/cjsdep', cjsPackage('2.0.0')),
  ...inFolder('plugins/b/node_modules/cjsdep', cjsPackage('2.0.0')),
  'node_modules/cjsshared/package.json': JSON.stringify({ name: 'cjsshared', version: '1.0.0' }),
  'node_modules/cjsshared/index.js': `exports.token = {}\n`,
  'plugins/a/package.json': pluginPackage('plugin-a'),
  'plugins/b/package.json': pluginPackage('plugin-b'),
  'plugins/a/legacy.cjs': `exports.dep = require('dep')\nexports.dual = require('dual')\nexports.cjs = require('cjsdep')\ntry { require('not-installed') } catch (error) { exports.missing = error.code }\n`,
}

const EXPECTED = {
  versions: { root: '1.0.0', a: '2.0.0', b: '2.0.0' },
  depOnePerSpace: true,
  sharedOnce: true,
  lazyKeepsSpace: true,
  cjsVersions: { root: '1.0.0', a: '2.0.0', b: '2.0.0' },
  cjsOnePerSpace: true,
  cjsSharedOnce: true,
  cjsRelative: 'helper of 2.0.0',
  requireInSpace: true,
  requireBuild: 'require',
  // Thrown when the require runs (inside the try), as in Node, not when the file loads.
  requireMissing: 'MODULE_NOT_FOUND',
}

it.skipIf(!existsSync(CHROMIUM))('the Vite dev server keeps spaces apart in the browser: one instance per space, one of the shared package', async () => {
  const app = writeApp()
  writeFiles(app.dir, {
    ...CJS_FILES,
    'index.html': PAGE,
    'main.mjs': `export * as dep from 'dep'\nexport * as shared from 'shared'\n${CJS_IMPORTS}`,
    'plugins/a/main.mjs': PLUGIN_A,
    'plugins/b/main.mjs': `export * as dep from 'dep'\nexport * as shared from 'shared'\n${CJS_IMPORTS}`,
  })
  const server = await createServer({
    root: app.dir,
    configFile: false,
    logLevel: 'silent',
    plugins: [modspace({ config: app.dir }) as unknown as PluginOption],
    server: { host: '127.0.0.1', port: 0 },
  })
  await server.listen()
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] })
  cleanup = async () => {
    await browser.close()
    await server.close()
    app.cleanup()
  }
  const page = await browser.newPage()
  const failures: string[] = []
  page.on('pageerror', (error) => failures.push(error.message))
  await page.goto(server.resolvedUrls!.local[0]!)
  const facts = await page.waitForFunction(() => (globalThis as { facts?: unknown }).facts, undefined, { timeout: 30_000 }).then((handle) => handle.jsonValue())
  expect(failures).toEqual([])
  expect(facts).toEqual({ ...EXPECTED, edited: false })

  // An edit of a space's source reaches the page (no module accepts hot updates here: Vite reloads it), spaces still apart.
  await page.evaluate(() => delete (globalThis as { facts?: unknown }).facts)
  writeFiles(app.dir, { 'plugins/a/main.mjs': `${PLUGIN_A}export const edited = true\n` })
  const edited = await page.waitForFunction(() => (globalThis as { facts?: unknown }).facts, undefined, { timeout: 30_000 }).then((handle) => handle.jsonValue())
  expect(edited).toEqual({ ...EXPECTED, edited: true })
})
