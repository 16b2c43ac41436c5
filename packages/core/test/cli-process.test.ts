import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The built `modspace` binary in a real process (turbo builds before it tests): its output is piped here, never a TTY.
const main = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url))
const example = fileURLToPath(new URL('../../../examples/plugin-host', import.meta.url))
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
const ESC = '\u001b['

function modspace(args: string[], env: Record<string, string> = {}): string {
  const clean = { ...process.env }
  delete clean.FORCE_COLOR
  delete clean.NO_COLOR
  return execFileSync(process.execPath, [main, ...args], { cwd: example, env: { ...clean, ...env }, encoding: 'utf8' })
}

// [description, argv, env, whether the output has colour codes]
const colour: Array<[string, string[], Record<string, string>, boolean]> = [
  ['a pipe gets no colours', ['graph'], {}, false],
  ['FORCE_COLOR=1 colours a pipe', ['graph'], { FORCE_COLOR: '1' }, true],
  ['FORCE_COLOR=0 keeps them off', ['graph'], { FORCE_COLOR: '0' }, false],
  ['NO_COLOR keeps a pipe plain', ['graph'], { NO_COLOR: '1' }, false],
]

describe('the modspace binary', () => {
  it.each([['--version'], ['-v']])('%s prints the version of package.json', (flag) => {
    expect(modspace([flag]).trim()).toBe(version)
  })

  it('prints --help on stdout, with every command', () => {
    const out = modspace(['--help'])
    expect(out).toContain(`modspace/${version}`)
    for (const command of ['explain <space> <specifier>', 'graph', 'check', 'manifest <file>']) expect(out).toContain(command)
  })

  it.each(colour)('%s', (_description, argv, env, coloured) => {
    expect(modspace(argv, env).includes(ESC)).toBe(coloured)
  })
})
