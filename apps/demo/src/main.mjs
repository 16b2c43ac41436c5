// The modspace demo. `npm run demo` tells the whole story in a few seconds (story.mjs). Two more ways to run it:
// `npm run demo -- --watch [folder]` runs the plugin host live on watch-host/ (or that folder) until Ctrl-C, and
// `npm run demo -- --serve [port]` serves the micro-frontend page built by Rollup and by webpack until Ctrl-C.
import { fileURLToPath } from 'node:url'

const [mode, argument] = process.argv.slice(2)
if (mode === '--watch') {
  const { runWatch } = await import('./watch/run-watch.mjs')
  await runWatch(argument ?? fileURLToPath(new URL('../watch-host', import.meta.url)))
} else if (mode === '--serve') {
  const { servePages } = await import('./browser/serve-pages.mjs')
  await servePages(Number(argument ?? 0))
} else {
  await import('./story.mjs')
}
