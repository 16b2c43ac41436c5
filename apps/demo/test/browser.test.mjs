import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPages, versionsBySpace } from '../src/browser/build-pages.mjs'
import { CHROMIUM, chromiumInstalled, launchChromium, readPage } from '../src/browser/read-page.mjs'
import { serveFolder } from '../src/browser/serve-folder.mjs'

// The micro-frontend page in a real browser: built by Rollup and by webpack, served on 127.0.0.1, read in headless
// Chromium. Each plugin must hold its own Preact and the host's bus; anything else is a space leaking.
const docs = fileURLToPath(new URL('../docs', import.meta.url))
const hasChromium = chromiumInstalled()
if (!hasChromium) console.warn(`the browser test is skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`)

describe.skipIf(!hasChromium)('the micro-frontend page in Chromium', () => {
  let out
  let manifests
  let browser

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'modspace-pages-'))
    manifests = await buildPages(out)
    browser = await launchChromium()
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    rmSync(out, { recursive: true, force: true })
  })

  it.each(['rollup', 'webpack'])('built by %s: each plugin renders its own Preact and holds the host\'s bus', async (bundler) => {
    const server = await serveFolder(join(out, bundler))
    let page
    try {
      page = await readPage(browser, server.url, { screenshot: bundler === 'rollup' })
    } finally {
      await server.close()
    }
    expect(page.plugins.classic).toEqual({ preact: '10.29.8', holdsHostBus: true, shows: { preact: 'preact 10.29.8', bus: "✓ the host's bus (@mfe/host-bus@1.2.0)" } })
    expect(page.plugins.modern).toEqual({ preact: '11.2.0', holdsHostBus: true, shows: { preact: 'preact 11.2.0', bus: "✓ the host's bus (@mfe/host-bus@1.2.0)" } })
    expect(page.preactInstances).toBe(2)
    expect(page.clicked).toBe('hooks · Preact 11 · clicked 1')
    expect(page.hostStatus).toBe('host: @mfe/host-bus@1.2.0 · 2 plugin(s) mounted · 2 Preact instance(s) on the page')
    expect(page.errors).toEqual([])
    // The README's picture of the page, written only once the page is right.
    if (page.png) {
      mkdirSync(docs, { recursive: true })
      writeFileSync(join(docs, 'micro-frontends.png'), page.png)
    }
  }, 60_000)

  it.each(['rollup', 'webpack'])('the %s manifest: one Preact per plugin space, the bus once, in root', (bundler) => {
    const manifest = manifests[bundler]
    expect(versionsBySpace(manifest, 'preact')).toEqual({ classic: ['10.29.8'], modern: ['11.2.0'] })
    expect(versionsBySpace(manifest, '@mfe/host-bus')).toEqual({ root: ['1.2.0'] })
  })
})
