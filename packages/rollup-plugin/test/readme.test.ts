import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { EXPECTED_FACTS, runApp, writeApp, writeFiles } from './app-fixture.js'

const README = new URL('../README.md', import.meta.url)
const rollupBin = join(createRequire(import.meta.url).resolve('rollup/package.json'), '../dist/bin/rollup')

/** The README's fenced code blocks whose first line names a file: `// rollup.config.mjs`. */
function readmeFiles(): Record<string, string> {
  const files: Record<string, string> = {}
  for (const [, body] of readFileSync(README, 'utf8').matchAll(/```(?:js|ts)\n([\s\S]*?)```/g)) {
    const name = /^\/\/ (\S+)\n/.exec(body!)?.[1]
    if (name) files[name] = body!
  }
  return files
}

let cleanup = () => {}
afterEach(() => cleanup())

it("the README's example, run with the rollup CLI, gives the instances the README describes", () => {
  const files = readmeFiles()
  expect(Object.keys(files).sort()).toEqual(['modspace.config.ts', 'rollup.config.mjs'])
  const app = writeApp(false)
  cleanup = app.cleanup
  writeFiles(app.dir, files)
  execFileSync(process.execPath, [rollupBin, '-c', '--silent'], { cwd: app.dir, encoding: 'utf8' })
  for (const file of ['main.js', 'plugin-a/main.js', 'plugin-b/main.js', 'modspace-manifest.json']) expect(existsSync(join(app.dir, 'dist', file))).toBe(true)
  expect(runApp(join(app.dir, 'dist'))).toEqual(EXPECTED_FACTS)
})
