import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
import { fixture } from './fixture-path.js'

// The README's example, run as written against the built package, in the fixture it describes.
it('runs the README example and prints what it says', () => {
  const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8')
  const code = /```js\n([\s\S]*?)```/.exec(readme)![1]!
  const expected = [...code.matchAll(/^\/\/ → (.*)$/gm)].map((m) => m[1])
  const dir = fileURLToPath(new URL('../.tmp', import.meta.url))
  mkdirSync(dir, { recursive: true })
  const file = `${dir}/readme-example.mjs`
  writeFileSync(file, code)
  const output = execFileSync(process.execPath, [file], { cwd: fixture('tree'), encoding: 'utf8' })
  expect(output.trim().split('\n')).toEqual(expected)
}, 30_000)
