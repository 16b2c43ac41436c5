import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runCli } from '../src/cli/run-cli.js'
import { buildManifest, formatGraph, loadGraph, type ModspaceManifest } from '../src/index.js'

const example = fileURLToPath(new URL('../../../examples/plugin-host', import.meta.url))
const manifestFile = fileURLToPath(new URL('./fixtures/rollup-manifest.json', import.meta.url))
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as ModspaceManifest

/** The elements in document order, checking that every tag is closed where it should be (the SVG is well formed). */
function elements(svg: string): string[] {
  const open: string[] = []
  const seen: string[] = []
  for (const [, close, name, selfClosing] of svg.matchAll(/<(\/?)([a-z]+)\b[^>]*?(\/?)>/g)) {
    if (close) expect(open.pop(), `</${name}>`).toBe(name)
    else {
      seen.push(name!)
      if (!selfClosing) open.push(name!)
    }
  }
  expect(open).toEqual([])
  return seen
}

/** The text of every <text> element, tspans joined. */
const texts = (svg: string) => [...svg.matchAll(/<text\b[^>]*>(.*?)<\/text>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''))

describe('modspace graph --format svg', () => {
  it('draws a box per space with its root, delegation, shared, overrides and entries, and an arrow to each parent', async () => {
    const { config } = await loadGraph(example)
    const svg = formatGraph(config, 'svg')
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(elements(svg).filter((name) => name === 'rect')).toHaveLength(1 + config.spaces.size)
    const lines = texts(svg)
    expect(lines).toEqual(expect.arrayContaining([
      'modspace · modspace.config.ts',
      'charts-no-spawn', 'self-first', 'root ./plugins/charts',
      'shared   @example/ui-kit ^1.0.0',
      'override node:net → ./test/fake-net.js',
      'blocked  node:child_process',
      'entry    main: ./plugins/legacy-reports/index.js',
      'native   @example/sqlite-binding pinned here',
    ]))
    // One arrow (a curve and its head) per space that has a parent.
    expect(svg.match(/<path d="M [\d.]+ [\d.]+ C /g)).toHaveLength(config.spaces.size - 1)
    expect(lines.some((line) => line.includes('two versions'))).toBe(false)
  })

  it('given a manifest, shows what each space owns and the packages that load in two versions', async () => {
    const { config } = await loadGraph(example)
    const svg = formatGraph(config, 'svg', { manifest })
    // The whole picture, pinned: open the file to see it.
    await expect(svg).toMatchFileSnapshot('./__snapshots__/plugin-host-graph.svg')
    const lines = texts(svg)
    expect(lines).toEqual(expect.arrayContaining([
      'modspace · modspace.config.ts',
      '3 space(s) under the host · the rollup build: 3 module instances',
      'owns 2 module instance(s) in the build',
      '  @example/logger@2.1.0 ×1  ⇄ two versions',
      '  @example/ui-kit@1.4.0 ×1',
      'owns 1 module instance(s) in the build',
      '  @example/logger@1.3.0 ×1  ⇄ two versions',
      '⇄ @example/logger loads in 2 versions: 1.3.0 in legacy-reports · 2.1.0 in root',
    ]))
  })

  it('escapes what it writes into the markup, and shortens a long list of packages', async () => {
    const { config } = await loadGraph(example)
    const many = buildManifest('a<b>&"c"', config.baseDir, Array.from({ length: 11 }, (_, i) => ({
      space: 'charts', id: `node_modules/p${i}/index.js`, kind: 'file' as const, package: { name: `p${i}&<x>`, version: '1.0.0', root: '' },
    })))
    const svg = formatGraph(config, 'svg', { manifest: many })
    elements(svg)
    expect(svg).not.toMatch(/&(?!#\d+;)/)
    expect(texts(svg)).toEqual(expect.arrayContaining(['  p0&#38;&#60;x&#62;@1.0.0 ×1', '  … 3 more package(s)']))
  })

  it('html is the same picture in a page', async () => {
    const { config } = await loadGraph(example)
    const html = formatGraph(config, 'html', { manifest })
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/)
    expect(html).toContain(formatGraph(config, 'svg', { manifest }))
  })

  it('is reached from the CLI, with --manifest', async () => {
    const out: string[] = []
    const code = await runCli(['graph', '--format', 'svg', '--manifest', manifestFile], { stdout: (t) => out.push(t), stderr: () => {}, color: false, cwd: example })
    expect(code).toBe(0)
    expect(texts(out.join(''))).toContain('⇄ @example/logger loads in 2 versions: 1.3.0 in legacy-reports · 2.1.0 in root')
  })
})
