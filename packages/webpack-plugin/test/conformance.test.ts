import { ROOT_SPACE } from '@modspace/core'
import { ModspacePlugin } from '@modspace/webpack-plugin'
import { checkInstances, loadCorpus, loadTargets, makeTempDir, type CorpusCase, type LoadTarget } from '@modspace/test-utils'
import { afterAll, describe, expect, it } from 'vitest'
import { loadEntry, nodeBuild, runWebpack } from './run-webpack.js'

// The whole corpus through real webpack builds of the built plugin: each load target is an entry in its space's
// layer, all entries of a case share one runtime and run in this process, and the shared assertion compares tokens.
const cases = loadCorpus()
const temp = makeTempDir('modspace-webpack-conformance-')
afterAll(() => temp.cleanup())

type Loaded = { exports: Record<string, unknown> } | { error: unknown }

function entryFor(target: LoadTarget) {
  return { import: target.from, ...(target.space === ROOT_SPACE ? {} : { layer: target.space }) }
}

async function build(c: CorpusCase, targets: LoadTarget[], outDir: string) {
  const entry = Object.fromEntries(targets.map((t, i) => [`t${i}`, entryFor(t)]))
  // Corpus rows are asked in order on one graph (the second copy of a native package is the conflict): one build
  // step at a time makes webpack meet the entries' imports in that order too.
  return runWebpack(nodeBuild(c.dir, outDir, entry, { parallelism: 1, plugins: [new ModspacePlugin({ config: c.configFile })] }))
}

describe.each(cases.filter((c) => c.configError))('config error: $name', (c) => {
  it(`fails the build with ${c.configError!.code}`, async () => {
    const outDir = `${temp.dir}/${c.name}`
    const attempt = runWebpack(nodeBuild(c.dir, outDir, {}, { plugins: [new ModspacePlugin({ config: c.configFile })] }))
    await expect(attempt).rejects.toThrow(c.configError!.code)
  })
})

describe.each(cases.filter((c) => !c.configError && loadTargets(c).length > 0))('$name', (c) => {
  it('gives the instances the corpus expects', async () => {
    const targets = loadTargets(c)
    const outDir = `${temp.dir}/${c.name}`
    // One build for the whole case: some answers depend on the whole graph (two copies of a native package).
    const stats = await build(c, targets, outDir)
    const errors = stats.compilation.errors as Array<Error & { module?: { layer: string | null } }>
    const results = new Map<string, Loaded>()
    targets.forEach((t, i) => {
      // A build error belongs to the target whose entry module imported the module that failed.
      const own = errors.filter((e) => !e.module || (importerOf(e.module) === t.from && (e.module.layer ?? ROOT_SPACE) === t.space))
      results.set(key(t), own.length ? { error: new Error(own.map((e) => e.message).join('\n')) } : { exports: loadEntry(outDir, `t${i}`) })
    })
    expect(checkInstances(c, (t) => results.get(key(t))!)).toEqual([])
  })
})

// checkInstances reads the targets afresh: they are keyed by what they are, not by object.
function key(t: LoadTarget): string {
  return `${t.space}\0${t.from}`
}

function importerOf(module: unknown): string | undefined {
  return (module as { resource?: string }).resource
}
