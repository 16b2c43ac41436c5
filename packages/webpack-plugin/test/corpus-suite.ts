import { ROOT_SPACE } from '@modspace/core'
import { ModspacePlugin } from '@modspace/webpack-plugin'
import { checkInstances, loadCorpus, loadTargets, makeTempDir, type CorpusCase, type LoadTarget } from '@modspace/test-utils'
import type { Configuration } from 'webpack'
import { afterAll, describe, expect, it } from 'vitest'
import { loadEntry, nodeBuild } from './run-webpack.js'

/** A build's errors, as webpack's and rspack's stats both give them. */
type BuildErrors = { compilation: { errors: Array<{ message: string; module?: unknown }> } }
export type RunBuild = (config: Configuration) => Promise<BuildErrors>

type Loaded = { exports: Record<string, unknown> } | { error: unknown }

/**
 * The whole corpus through real builds of the built plugin with `run` (webpack or rspack): each load target is an
 * entry in its space's layer, all entries of a case share one runtime and run in this process, and the shared
 * assertion compares tokens. `except` names the cases a bundler runs apart (with the reason where it does).
 */
export function describeCorpus(bundler: string, run: RunBuild, except: readonly string[] = []): void {
  const cases = loadCorpus((name) => !except.includes(name))
  const temp = makeTempDir(`modspace-${bundler}-conformance-`)
  afterAll(() => temp.cleanup())

  describe.each(cases.filter((c) => c.configError))('config error: $name', (c) => {
    it(`fails the build with ${c.configError!.code}`, async () => {
      const attempt = run(nodeBuild(c.dir, `${temp.dir}/${c.name}`, {}, { plugins: [new ModspacePlugin({ config: c.configFile })] }))
      await expect(attempt).rejects.toThrow(c.configError!.code)
    })
  })

  describe.each(cases.filter((c) => !c.configError && loadTargets(c).length > 0))('$name', (c) => {
    it('gives the instances the corpus expects', async () => {
      const targets = loadTargets(c)
      const outDir = `${temp.dir}/${c.name}`
      // One build for the whole case: some answers depend on the whole graph (two copies of a native package).
      const stats = await buildCase(run, c, targets, outDir)
      const errors = stats.compilation.errors
      const results = new Map<string, Loaded>()
      targets.forEach((t, i) => {
        // A build error belongs to the target whose entry module imported the module that failed.
        const own = errors.filter((e) => !e.module || (importerOf(e.module) === t.from && spaceOf(e.module) === t.space))
        results.set(key(t), own.length ? { error: new Error(own.map((e) => e.message).join('\n')) } : { exports: loadEntry(outDir, `t${i}`) })
      })
      expect(checkInstances(c, (t) => results.get(key(t))!)).toEqual([])
    })
  })
}

function entryFor(target: LoadTarget) {
  return { import: target.from, ...(target.space === ROOT_SPACE ? {} : { layer: target.space }) }
}

export function buildCase(run: RunBuild, c: CorpusCase, targets: LoadTarget[], outDir: string) {
  const entry = Object.fromEntries(targets.map((t, i) => [`t${i}`, entryFor(t)]))
  // Corpus rows are asked in order on one graph (the second copy of a native package is the conflict): one build
  // step at a time makes the bundler meet the entries' imports in that order too.
  return run(nodeBuild(c.dir, outDir, entry, { parallelism: 1, plugins: [new ModspacePlugin({ config: c.configFile })] }))
}

// checkInstances reads the targets afresh: they are keyed by what they are, not by object.
function key(t: LoadTarget): string {
  return `${t.space}\0${t.from}`
}

function importerOf(module: unknown): string | undefined {
  return (module as { resource?: string }).resource?.replace(/\?.*$/, '')
}

/** webpack puts root's modules in no layer, rspack in the layer '' (docs/webpack.md, "rspack"). */
function spaceOf(module: unknown): string {
  return (module as { layer?: string | null }).layer || ROOT_SPACE
}
