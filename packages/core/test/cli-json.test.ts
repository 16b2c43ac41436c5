import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../src/cli/run-cli.js'

const example = fileURLToPath(new URL('../../../examples/plugin-host', import.meta.url))
const broken = mkdtempSync(join(tmpdir(), 'modspace-cli-json-'))
afterAll(() => rmSync(broken, { recursive: true, force: true }))
writeFileSync(join(broken, 'modspace.config.mjs'), 'export default { spaces: { a: { root: ".", delegation: 10n } } }\n')

async function run(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), color: false, cwd: example })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

/** A `--json` run: one JSON document on stdout, nothing on stderr. */
async function runJson(...argv: string[]) {
  const { code, out, err } = await run(...argv)
  expect(err).toBe('')
  return { code, data: JSON.parse(out) as Record<string, any> }
}

// [description, argv, exit code, error code, a detail of the error]
const failures: Array<[string, string[], number, string, Record<string, unknown>]> = [
  ['check with an invalid config', ['check', '--json', '--config', broken], 1, 'MODSPACE_CONFIG_INVALID', { configPath: 'spaces.a.delegation', file: join(broken, 'modspace.config.mjs') }],
  ['check with no config', ['check', '--json', '--config', '/nonexistent-folder'], 1, 'MODSPACE_CONFIG_NOT_FOUND', { file: '/nonexistent-folder' }],
  ['explain with an unknown space', ['explain', 'chart', 'x', '--json'], 1, 'MODSPACE_UNKNOWN_SPACE', { fix: 'did you mean "charts"?' }],
  ['explain with a missing importer', ['explain', 'charts', 'x', '--from', 'no/such/file.js', '--json'], 2, 'MODSPACE_USAGE', { file: join(example, 'no/such/file.js') }],
  ['explain with a bad --kind', ['explain', 'charts', 'x', '--kind', 'load', '--json'], 2, 'MODSPACE_USAGE', {}],
  ['explain of a module not found', ['explain', 'charts', 'left-pad', '--json'], 1, 'MODSPACE_NOT_FOUND', { space: 'charts', specifier: 'left-pad' }],
  ['graph with an invalid config', ['graph', '--json', '--config', broken], 1, 'MODSPACE_CONFIG_INVALID', { configPath: 'spaces.a.delegation' }],
  ['graph --format json with an invalid config', ['graph', '--format', 'json', '--config', broken], 1, 'MODSPACE_CONFIG_INVALID', {}],
  ['manifest of a missing file', ['manifest', '/no/such/manifest.json', '--json'], 1, 'MODSPACE_CONFIG_LOAD_FAILED', { file: '/no/such/manifest.json' }],
  ['an unknown command', ['frobnicate', '--json'], 2, 'MODSPACE_USAGE', {}],
  ['an unknown option', ['check', '--jsn', '--json'], 2, 'MODSPACE_USAGE', {}],
]

describe('--json: every answer is JSON on stdout, errors included', () => {
  it.each(failures)('%s', async (_description, argv, exitCode, code, details) => {
    const { code: exit, data } = await runJson(...argv)
    expect(exit).toBe(exitCode)
    expect(data.error).toMatchObject({ code, ...details })
    expect(data.error.message).toContain(`[${code}]`)
  })

  it('graph --json is graph --format json', async () => {
    const json = await runJson('graph', '--json')
    const format = await runJson('graph', '--format', 'json')
    expect(json.code).toBe(0)
    expect(json.data).toEqual(format.data)
    expect(json.data.spaces.map((s: { name: string }) => s.name)).toContain('charts')
  })

  it('check --json and explain --json answer as before when all is well', async () => {
    expect((await runJson('check', '--json')).data.problems).toBeInstanceOf(Array)
    expect((await runJson('explain', 'charts', 'node:net', '--json')).data).toMatchObject({ space: 'charts', kind: 'override' })
  })
})

describe('without --json', () => {
  it('prints a config error, never a stack', async () => {
    const { code, out, err } = await run('check', '--config', broken)
    expect(code).toBe(1)
    expect(out).toBe('')
    expect(err).toContain('[MODSPACE_CONFIG_INVALID] spaces.a.delegation: unknown delegation 10n (a BigInt).')
    expect(err).not.toMatch(/\n\s+at /)
  })

  it('says that the --from importer does not exist', async () => {
    const { code, err } = await run('explain', 'charts', 'x', '--from', '/no/such/file')
    expect(code).toBe(2)
    expect(err).toContain('[MODSPACE_USAGE] the importer /no/such/file does not exist.')
    expect(err).toContain('fix: correct the --from path')
  })
})

describe('--help with --json', () => {
  it('gives every command and its options as JSON', async () => {
    const { code, data } = await runJson('--help', '--json')
    expect(code).toBe(0)
    expect(data.commands.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['explain <space> <specifier>', 'graph', 'check', 'manifest <file>']))
    expect(data.globalOptions).toContainEqual(expect.objectContaining({ name: '-c, --config <path>' }))
  })

  it('gives one command with its options', async () => {
    const { data } = await runJson('graph', '--help', '--json')
    expect(data.command.name).toBe('graph')
    expect(data.command.options).toContainEqual({ name: '--format <format>', description: expect.any(String), default: 'text' })
  })
})

