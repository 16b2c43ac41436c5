import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runCli } from '../src/cli/run-cli.js'

const example = fileURLToPath(new URL('../../../examples/plugin-host', import.meta.url))

async function run(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), color: false, cwd: example })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('modspace explain', () => {
  it('shows every step, with the versions and ranges compared', async () => {
    const { code, out } = await run('explain', 'legacy-reports', '@example/logger', '--from', 'plugins/legacy-reports/index.js', '--kind', 'require')
    expect(code).toBe(0)
    expect(out).toContain("the parent's @example/logger@2.1.0 does not satisfy ^1.0.0 (dependencies of legacy-reports)")
    expect(out).toContain('→ owned by legacy-reports: file')
    expect(out).toContain('@example/logger@1.3.0')
  })

  it('prints JSON with --json', async () => {
    const { out } = await run('explain', 'charts', 'node:net', '--json')
    expect(JSON.parse(out)).toMatchObject({ space: 'charts', kind: 'override' })
  })

  it('explains a refusal and exits 1', async () => {
    const { code, out } = await run('explain', 'charts-no-spawn', 'child_process')
    expect(code).toBe(0)
    expect(out).toContain('blocked')
    const missing = await run('explain', 'charts', 'left-pad')
    expect(missing.code).toBe(1)
    expect(missing.out).toContain('MODSPACE_NOT_FOUND')
    expect(missing.out).toContain('plugins/charts/node_modules/left-pad')
  })

  it('names an unknown space with a did-you-mean', async () => {
    const { code, err } = await run('explain', 'chart', 'x')
    expect(code).toBe(1)
    expect(err).toContain('did you mean "charts"?')
  })
})

describe('modspace graph', () => {
  it('draws the tree as text', async () => {
    const { code, out } = await run('graph')
    expect(code).toBe(0)
    expect(out).toContain('└─ charts-no-spawn  ./plugins/charts  self-first')
    expect(out).toContain('override: node:net → ./test/fake-net.js')
  })

  it.each([
    ['mermaid', 's_charts --> s_charts_no_spawn'],
    ['dot', 's_charts -> s_charts_no_spawn;'],
  ])('draws %s', async (format, edge) => {
    const { out } = await run('graph', '--format', format)
    expect(out).toContain(edge)
  })

  it('prints JSON', async () => {
    const { out } = await run('graph', '--format', 'json')
    const data = JSON.parse(out)
    expect(data.spaces.map((s: { name: string }) => s.name)).toEqual(['root', 'legacy-reports', 'charts', 'charts-no-spawn'])
    expect(data.spaces[1].shared).toEqual({ '@example/ui-kit': '^1.0.0' })
  })

  it('refuses an unknown format as a usage error', async () => {
    const { code, err } = await run('graph', '--format', 'png')
    expect(code).toBe(2)
    expect(err).toContain('MODSPACE_USAGE')
  })
})

describe('modspace check', () => {
  it('passes the example and warns about the two logger versions', async () => {
    const { code, out } = await run('check')
    expect(code).toBe(0)
    expect(out).toContain('@example/logger loads in 2 versions')
    expect(out).toContain('no errors')
  })

  it('reports a missing config with the file names it looked for', async () => {
    const { code, err } = await run('check', '--config', '/nonexistent-folder')
    expect(code).toBe(1)
    expect(err).toContain('MODSPACE_CONFIG_NOT_FOUND')
    expect(err).toContain('modspace.config.ts')
  })
})

describe('usage', () => {
  it('exits 2 on an unknown command, with the help on stderr', async () => {
    const { code, out, err } = await run('frobnicate')
    expect(code).toBe(2)
    expect(out).toBe('')
    expect(err).toContain('unknown command: frobnicate')
    expect(err).toContain('Commands:')
  })

  it('writes a command\'s help through its own stdout', async () => {
    const { code, out } = await run('explain', '--help')
    expect(code).toBe(0)
    expect(out).toContain('$ modspace explain <space> <specifier>')
    expect(out).toContain('--kind <kind>        import or require (default: import)')
  })
})

describe('modspace manifest and explain --manifest', () => {
  const manifestFile = fileURLToPath(new URL('./fixtures/rollup-manifest.json', import.meta.url))

  it('lists a build by space', async () => {
    const { code, out } = await run('manifest', manifestFile)
    expect(code).toBe(0)
    expect(out).toContain('rollup: 3 module instance(s)')
    expect(out).toContain('legacy-reports (1)')
  })

  it('says whether a build holds the module explain resolves', async () => {
    const held = await run('explain', 'legacy-reports', '@example/logger', '--from', 'plugins/legacy-reports/index.js', '--kind', 'require', '--manifest', manifestFile)
    expect(held.code).toBe(0)
    expect(held.out).toContain('the rollup build holds this module as an instance of "legacy-reports"')
    const absent = await run('explain', 'charts', '@example/chart-lib', '--from', 'plugins/charts/index.js', '--manifest', manifestFile)
    expect(absent.code).toBe(1)
    expect(absent.out).toContain('holds no instance of this module owned by "charts"')
  })

  it('refuses a file that is not a manifest', async () => {
    const { code, err } = await run('manifest', fileURLToPath(import.meta.url))
    expect(code).toBe(1)
    expect(err).toContain('MODSPACE_CONFIG_LOAD_FAILED')
  })
})
