import { execFileSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The main job, run as a user runs it (`npm run demo`), and read for the facts it exists to show.
const main = fileURLToPath(new URL('../src/main.mjs', import.meta.url))

const pictures = ['plugin-host-graph.svg', 'micro-frontends-graph.svg'].map((name) => fileURLToPath(new URL(`../docs/${name}`, import.meta.url)))

describe('the demo', () => {
  // The run must draw them again (their content does not change, so git sees no difference).
  for (const file of pictures) rmSync(file, { force: true })
  const output = execFileSync(process.execPath, [main], { encoding: 'utf8', timeout: 120_000 })

  it('shows both plugin versions side by side at run time and in both bundles', () => {
    const legacy = output.match(/legacy-reports uses @example\/logger@1\.3\.0, ui-kit@1\.4\.0/g) ?? []
    const charts = output.match(/charts uses @example\/logger@2\.1\.0, chart-lib@3\.2\.0, ui-kit@1\.4\.0, net is the fake/g) ?? []
    expect(legacy).toHaveLength(3)
    expect(charts).toHaveLength(3)
  })

  it('explains the decision, refuses the blocked import, and reloads cleanly', () => {
    expect(output).toContain("the parent's @example/logger@2.1.0 does not satisfy ^1.0.0")
    expect(output).toContain('charts-no-spawn refuses node:child_process: [MODSPACE_BLOCKED]')
    expect(output).toContain('charts disposed and loaded again: a fresh chart-lib instance')
  })

  it('ends with Node, Rollup and webpack agreeing', () => {
    expect(output).toMatch(/manifests: the same \d+ module instances in the same spaces/)
    expect(output).toContain('behaviour: the plugins print the same in Node, Rollup and webpack')
  })

  it('builds the micro-frontend page with both bundlers: a Preact per plugin space, the host\'s bus in root', () => {
    expect(output).toContain('rollup: preact in classic 10.29.8 · modern 11.2.0; @mfe/host-bus in root 1.2.0')
    expect(output).toContain('webpack: preact in classic 10.29.8 · modern 11.2.0; @mfe/host-bus in root 1.2.0')
    expect(output).toContain('pages: Rollup and webpack put the same module instances in the same spaces')
  })

  it('draws both space graphs with their build into docs/', () => {
    expect(output).toContain('apps/demo/docs/micro-frontends-graph.svg: the spaces of apps/demo/browser/modspace.config.json')
    const picture = readFileSync(pictures[1], 'utf8')
    expect(picture).toContain('⇄ preact loads in 2 versions: 10.29.8 in classic · 11.2.0 in modern')
    expect(picture).toContain('shared   @mfe/host-bus ^1.1.0')
    const host = readFileSync(pictures[0], 'utf8')
    expect(host).toContain('⇄ @example/logger loads in 2 versions: 1.3.0 in legacy-reports · 2.1.0 in root')
  })
})
