// The modspace demo. `npm run demo` tells the whole story in a few seconds (story.mjs); `npm run demo -- --watch`
// runs the plugin host live on watch-host/ (or on the folder given after --watch) until Ctrl-C.
import { fileURLToPath } from 'node:url'

const [mode, folder] = process.argv.slice(2)
if (mode === '--watch') {
  const { runWatch } = await import('./watch/run-watch.mjs')
  await runWatch(folder ?? fileURLToPath(new URL('../watch-host', import.meta.url)))
} else {
  await import('./story.mjs')
}
