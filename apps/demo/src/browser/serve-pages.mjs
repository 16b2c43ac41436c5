import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildPages } from './build-pages.mjs'
import { serveFolder } from './serve-folder.mjs'

/** `npm run demo -- --serve`: builds the micro-frontend page with both bundlers and serves it until Ctrl-C. */
export async function servePages(port = 0) {
  const out = mkdtempSync(join(tmpdir(), 'modspace-pages-'))
  try {
    await buildPages(out)
    const server = await serveFolder(out, { port })
    console.log(`the page built by Rollup:  ${server.url}rollup/`)
    console.log(`the page built by webpack: ${server.url}webpack/`)
    console.log('Ctrl-C stops.')
    await new Promise((resolve) => {
      process.once('SIGINT', resolve)
      process.once('SIGTERM', resolve)
    })
    await server.close()
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}
