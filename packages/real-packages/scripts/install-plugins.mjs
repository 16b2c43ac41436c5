// Installs each plugin fixture (test/fixtures/*-plugin) from its own lockfile into its own node_modules, as a plugin
// folder is in a real host. They are not npm workspaces: npm places a nested workspace's dependencies in the
// node_modules of the workspace around it, where two plugins' versions of one package collide. Runs as this
// package's postinstall, so `npm ci` at the repo's root installs them too.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const fixtures = fileURLToPath(new URL('../test/fixtures', import.meta.url))
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
for (const name of readdirSync(fixtures)) {
  const dir = join(fixtures, name)
  if (!existsSync(join(dir, 'package-lock.json'))) continue
  execFileSync(npm, ['ci', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { cwd: dir, stdio: 'inherit' })
}
