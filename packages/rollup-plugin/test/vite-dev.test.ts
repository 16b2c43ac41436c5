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
 * module), and reports versions and which tokens are the same object. ES modules only: the dev server serves
 * CommonJS only through Vite's dependency pre-bundling, which the plugin's answers bypass (docs/vite.md).
 */
const PAGE = `<!doctype html>
<script type="module">
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
  }
</script>
`

const PLUGIN_A = `export * as dep from 'dep'\nexport * as shared from 'shared'\nexport const loadLazy = () => import('./lazy.mjs')\n`

it.skipIf(!existsSync(CHROMIUM))('the Vite dev server keeps spaces apart in the browser: one instance per space, one of the shared package', async () => {
  const app = writeApp()
  writeFiles(app.dir, {
    'index.html': PAGE,
    'plugins/a/main.mjs': PLUGIN_A,
    'plugins/b/main.mjs': `export * as dep from 'dep'\nexport * as shared from 'shared'\n`,
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
  expect(facts).toEqual({ versions: { root: '1.0.0', a: '2.0.0', b: '2.0.0' }, depOnePerSpace: true, sharedOnce: true, lazyKeepsSpace: true, edited: false })

  // An edit of a space's source reaches the page (no module accepts hot updates here: Vite reloads it), spaces still apart.
  await page.evaluate(() => delete (globalThis as { facts?: unknown }).facts)
  writeFiles(app.dir, { 'plugins/a/main.mjs': `${PLUGIN_A}export const edited = true\n` })
  const edited = await page.waitForFunction(() => (globalThis as { facts?: unknown }).facts, undefined, { timeout: 30_000 }).then((handle) => handle.jsonValue())
  expect(edited).toEqual({ versions: { root: '1.0.0', a: '2.0.0', b: '2.0.0' }, depOnePerSpace: true, sharedOnce: true, lazyKeepsSpace: true, edited: true })
})
