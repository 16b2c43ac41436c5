import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The README's API block, run as it stands against the built package (imported as '@modspace/core' from inside the
// package, so by self-reference), from the repository root as the README says. Each `console.log(...) // output`
// line must print exactly that output, in order: the README cannot drift from what the API does.
const pkg = fileURLToPath(new URL('..', import.meta.url))
const repo = fileURLToPath(new URL('../../..', import.meta.url))
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
const block = /## API\n[\s\S]*?```js\n([\s\S]*?)```/.exec(readme)?.[1] ?? ''
const expected = [...block.matchAll(/^console\.log\(.*\) \/\/ (.+)$/gm)].map((m) => m[1])

describe('the README API example', () => {
  it('has commented outputs to check', () => {
    expect(expected.length).toBeGreaterThanOrEqual(3)
  })

  it('prints what its comments say', () => {
    mkdirSync(`${pkg}.tmp`, { recursive: true })
    const file = `${pkg}.tmp/readme-example.mjs`
    writeFileSync(file, block)
    const out = execFileSync(process.execPath, [file], { cwd: repo, encoding: 'utf8' })
    expect(out.trimEnd().split('\n')).toEqual(expected)
  })
})
