// Loads the four plugin fixtures side by side in one plain Node process and prints what each gave, as JSON: the
// reference for test/side-by-side.test.ts (the same calls, each plugin in its own space).
import { pluginCalls } from '../plugin-calls.ts'

const results = {}
for (const [name, call] of Object.entries(pluginCalls)) {
  results[name] = call(await import(new URL(`../fixtures/${name}/index.js`, import.meta.url).href))
}
process.stdout.write(JSON.stringify(results))
