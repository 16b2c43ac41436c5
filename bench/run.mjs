// `npm run bench`: every package's benchmark, one after the other so that they do not compete for the CPU.
// Each prints its own table of ratios against the peer it measures in the same run.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = join(dirname(fileURLToPath(import.meta.url)), '..')
const only = process.argv.slice(2)
const order = ['core', 'node-adapter', 'rollup-plugin', 'webpack-plugin']
const packages = readdirSync(join(repo, 'packages'))
  .filter((name) => existsSync(join(repo, 'packages', name, 'bench/index.mjs')))
  .filter((name) => only.length === 0 || only.includes(name))
  .sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99))

let failed = 0
for (const name of packages) {
  console.log(`\n=== @modspace/${name} ===`)
  const run = spawnSync(process.execPath, ['--expose-gc', join(repo, 'packages', name, 'bench/index.mjs')], { stdio: 'inherit', cwd: join(repo, 'packages', name) })
  if (run.status !== 0) {
    failed++
    console.error(`@modspace/${name}: the benchmark exited with ${run.status ?? run.signal}`)
  }
}
process.exitCode = failed ? 1 : 0
