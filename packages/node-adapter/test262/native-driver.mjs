// Runs one test262 test with Node's own loader (one process per test: a fresh realm and module map) and prints its
// outcome. Used by record-native.mjs.
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { runCase } from './run-case.mjs'

const [root, json] = process.argv.slice(2)
const require = createRequire(import.meta.url)
const outcome = await runCase(JSON.parse(json), root, (file, module) => (module ? import(pathToFileURL(file).href) : require(file)))
process.stdout.write(`${outcome}\n`)
process.exit(0)
