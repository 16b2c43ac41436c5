import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// Every `modspace` command the READMEs show, run as written: `npx modspace …` lines of ```sh blocks (after the block's
// own `cd`, from the repository root), and `$ modspace …` transcripts of ```text blocks, whose printed lines must
// match (`…` standing for any text, as the transcripts shorten absolute paths). `npx --no-install` proves the bin is
// linked by `npm ci`: without the link npx would ask the registry for a package called `modspace`.
const repo = fileURLToPath(new URL('../../..', import.meta.url))
const readmes = ['README.md', 'packages/core/README.md', 'apps/demo/README.md']
const example = join(repo, 'examples/plugin-host')

interface Command {
  readme: string
  line: string
  cwd: string
  transcript?: string[]
}

function commands(): Command[] {
  const found: Command[] = []
  for (const readme of readmes) {
    const text = readFileSync(join(repo, readme), 'utf8')
    for (const [, lang, body] of text.matchAll(/```(\w*)\n([\s\S]*?)```/g)) {
      const lines = body!.split('\n')
      let cwd = repo
      lines.forEach((raw, at) => {
        const line = raw.replace(/\s+#.*$/, '').trim()
        if (lang === 'sh' && line.startsWith('cd ')) cwd = join(cwd, line.slice(3))
        if (lang === 'sh' && line.startsWith('npx modspace ')) found.push({ readme, line: line.slice(4), cwd })
        if (lang === 'text' && line.startsWith('$ modspace ')) {
          const rest = lines.slice(at + 1)
          const end = rest.findIndex((next) => next.startsWith('$ ') || next === '')
          found.push({ readme, line: line.slice(2), cwd: example, transcript: end === -1 ? rest : rest.slice(0, end) })
        }
      })
    }
  }
  return found
}

const all = commands()

function matches(actual: string, shown: string): boolean {
  const pattern = shown.split('…').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')
  return new RegExp(`^${pattern}$`).test(actual)
}

describe('the commands in the READMEs', () => {
  it('are found (the root README, the core README and the demo)', () => {
    expect(all.filter((command) => command.readme === 'README.md').length).toBeGreaterThanOrEqual(3)
    expect(all.some((command) => command.transcript)).toBe(true)
  })

  it('npm ci linked the modspace bin', () => {
    const out = execFileSync('npx', ['--no-install', 'modspace', '--version'], { cwd: example, encoding: 'utf8' })
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+/)
  })

  it.each(all.map((command) => [`${command.readme}: ${command.line}`, command] as const))('%s', (_name, command) => {
    const args = command.line.split(/\s+/).slice(1)
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' }
    delete env.FORCE_COLOR
    const run = spawnSync('npx', ['--no-install', 'modspace', ...args], { cwd: command.cwd, encoding: 'utf8', env })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    if (command.transcript) {
      const printed = run.stdout.trimEnd().split('\n')
      expect(printed.length).toBe(command.transcript.length)
      printed.forEach((line, at) => expect(matches(line, command.transcript![at]!), `${line}\n  shown as\n${command.transcript![at]}`).toBe(true))
    }
  })
})
