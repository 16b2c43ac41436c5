/* global document -- the functions given to page.evaluate run in the page */
import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'

/** Debian's Chromium; playwright-core drives it as it is (no browser is downloaded). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const chromiumInstalled = () => existsSync(CHROMIUM)

export async function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] })
}

/**
 * Opens the page and reads what each plugin rendered, and what the page's objects are: which bus each plugin holds
 * (the host's?), and how many distinct Preact instances there are; with `screenshot`, also a PNG of the page.
 */
export async function readPage(browser, url, { screenshot } = {}) {
  const page = await browser.newPage({ viewport: { width: 900, height: 330 }, deviceScaleFactor: 1 })
  const errors = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
  try {
    await page.goto(url)
    // A plugin that holds another bus than the host's is never mounted: read the page as it is after a while.
    const mounted = () => globalThis.mfeHost?.plugins.length === 2 && document.querySelectorAll('.card').length === 2
    await page.waitForFunction(mounted, null, { timeout: 10_000 }).catch(() => errors.push('both plugins were not mounted within 10 s'))
    const facts = await page.evaluate(() => {
      const host = globalThis.mfeHost ?? { plugins: [] }
      const card = (name) => Object.fromEntries([...document.querySelectorAll(`#${name} [data-fact]`)].map((p) => [p.dataset.fact, p.textContent]))
      return {
        hostStatus: document.getElementById('host-status')?.textContent,
        plugins: Object.fromEntries(host.plugins.map((p) => [p.name, { preact: p.preact, holdsHostBus: p.bus === host.bus, shows: card(p.name) }])),
        preactInstances: new Set(host.plugins.map((p) => p.preactOptions)).size,
      }
    })
    const png = screenshot ? await page.screenshot() : undefined
    // modern's state lives in its own Preact's hooks: a click must re-render through that instance.
    const button = page.locator('#modern button')
    let clicked
    if (await button.count()) {
      await button.click()
      // Preact renders a state change in a later task: wait for it, briefly, then read what is there.
      await page.waitForFunction(() => /clicked [1-9]/.test(document.querySelector('#modern button').textContent), null, { timeout: 2_000 }).catch(() => {})
      clicked = await button.textContent()
    }
    return { ...facts, clicked, errors, png }
  } finally {
    await page.close()
  }
}
