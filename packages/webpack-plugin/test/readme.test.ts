import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, expect, it } from 'vitest'

// The README's example, for real: its files are written into a copy of examples/plugin-host, built by webpack in a
// Node 24 process, and run; what it prints must be what the README says it prints.
const pkg = fileURLToPath(new URL('..', import.meta.url))
const node = join(pkg, '../../node_modules/.bin/node')
const readme = readFileSync(join(pkg, 'README.md'), 'utf8')
// Inside the repo (.tmp is ignored), so that the example's imports of @modspace/* and webpack resolve as a user's would.
mkdirSync(join(pkg, '.tmp'), { recursive: true })
const app = mkdtempSync(join(pkg, '.tmp/readme-'))
afterAll(() => rmSync(app, { recursive: true, force: true }))

/** Code blocks whose first line is `// <file name>`: the README's files. */
function readmeFiles(): Map<string, string> {
  const files = new Map<string, string>()
  for (const [, body] of readme.matchAll(/```(?:ts|js)\n([\s\S]*?)```/g)) {
    const name = /^\/\/ (\S+)\n/.exec(body!)
    if (name) files.set(name[1]!, body!)
  }
  return files
}

it('builds and runs the example as the README shows', () => {
  cpSync(join(pkg, '../../examples/plugin-host'), app, { recursive: true })
  const files = readmeFiles()
  expect([...files.keys()].sort()).toEqual(['main.cjs', 'modspace.config.ts', 'webpack.config.mjs'])
  for (const [name, text] of files) writeFileSync(join(app, name), text)

  const build = `
    import webpack from 'webpack'
    const { default: config } = await import(${JSON.stringify(join(app, 'webpack.config.mjs'))})
    webpack(config).run((error, stats) => {
      if (error) throw error
      if (stats.hasErrors()) { console.error(stats.toString('errors-only')); process.exit(1) }
    })`
  execFileSync(node, ['--input-type=module', '-e', build], { cwd: app, encoding: 'utf8' })
  const printed = execFileSync(node, ['main.cjs'], { cwd: app, encoding: 'utf8' })
  const expected = /```text\n([\s\S]*?)```/.exec(readme)![1]
  expect(printed).toBe(expected)
})
