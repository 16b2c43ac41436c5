import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { inSpace } from '@modspace/rollup-plugin'
import { isExpectedError, loadCorpus, loadTargets, makeTempDir, type CorpusCase, type LoadTarget } from '@modspace/test-utils'
import { describe, expect, it } from 'vitest'
import { buildWithPlugin } from './build-with-plugin.js'

const runOutputs = fileURLToPath(new URL('./run-outputs.mjs', import.meta.url))

type Built = { space: string; from: string; file?: string; error?: string }

function mustFail(target: LoadTarget): boolean {
  return target.rows.some((r) => isExpectedError(r.expect) || r.expect.kind === 'blocked')
}

/**
 * Targets whose rows must fail are built alone (one failing import fails a whole build); all the others are built
 * together, as entries of one bundle, so that "one instance" and "one instance per space" are checked across them.
 */
async function buildCase(c: CorpusCase, dir: string): Promise<Built[]> {
  const targets = loadTargets(c)
  const groups = [targets.filter((t) => !mustFail(t)), ...targets.filter(mustFail).map((t) => [t])].filter((g) => g.length > 0)
  const built: Built[] = []
  for (const [g, group] of groups.entries()) {
    const input = Object.fromEntries(group.map((t, i) => [`t${i}`, inSpace(t.from, t.space)]))
    const out = join(dir, `group-${g}`)
    try {
      await buildWithPlugin(input, { config: c.configFile, manifest: false }, { dir: out })
      group.forEach((t, i) => built.push({ space: t.space, from: t.from, file: join(out, `t${i}.js`) }))
    } catch (error) {
      for (const t of group) built.push({ space: t.space, from: t.from, error: String((error as Error).message) })
    }
  }
  return built
}

describe('the conformance corpus through real rollup() builds', () => {
  for (const c of loadCorpus()) {
    if (c.configError) {
      it(`${c.name}: the build fails with ${c.configError.code}`, async () => {
        const { dir, cleanup } = makeTempDir('modspace-rollup-')
        try {
          await expect(buildWithPlugin([join(c.dir, 'package.json')], { config: c.configFile, manifest: false }, { dir })).rejects.toThrow(c.configError!.code)
        } finally {
          cleanup()
        }
      })
      continue
    }
    if (loadTargets(c).length === 0) continue
    it(`${c.name}: ${c.description}`, async () => {
      const { dir, cleanup } = makeTempDir('modspace-rollup-')
      try {
        const built = await buildCase(c, dir)
        const problems = JSON.parse(execFileSync(process.execPath, [runOutputs, c.name, JSON.stringify(built)], { encoding: 'utf8' }))
        expect(problems).toEqual([])
      } finally {
        cleanup()
      }
    })
  }
})
