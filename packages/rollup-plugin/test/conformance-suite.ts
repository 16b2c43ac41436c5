import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { inSpace, type ModspaceRollupOptions } from '@modspace/rollup-plugin'
import { isExpectedError, loadCorpus, loadTargets, makeTempDir, type CorpusCase, type LoadTarget } from '@modspace/test-utils'
import { describe, expect, it } from 'vitest'

const runOutputs = fileURLToPath(new URL('./run-outputs.mjs', import.meta.url))

/** A bundler's build of `input` with the built plugin, written as ES modules into `dir`; rejects when the build fails. */
export type Build = (input: Record<string, string> | string[], options: ModspaceRollupOptions, output: { dir: string }) => Promise<unknown>

type Built = { space: string; from: string; file?: string; error?: string }

function mustFail(target: LoadTarget): boolean {
  return target.rows.some((r) => isExpectedError(r.expect) || r.expect.kind === 'blocked')
}

/**
 * All targets that must load are built together, as entries of one bundle, so that "one instance" and "one instance
 * per space" are checked across them. Each target that must fail is then built with them (a native conflict needs the
 * other space's import in the same build), alone in failing if it fails.
 */
async function buildCase(build: Build, c: CorpusCase, dir: string): Promise<Built[]> {
  const targets = loadTargets(c)
  const passing = targets.filter((t) => !mustFail(t))
  const built: Built[] = []
  const groups = [passing, ...targets.filter(mustFail).map((t) => [...passing, t])]
  for (const [g, group] of groups.entries()) {
    if (group.length === 0) continue
    const input = Object.fromEntries(group.map((t, i) => [`t${i}`, inSpace(t.from, t.space)]))
    const out = join(dir, `group-${g}`)
    const report = g === 0 ? group : group.slice(-1)
    try {
      await build(input, { config: c.configFile, manifest: false }, { dir: out })
      for (const t of report) built.push({ space: t.space, from: t.from, file: join(out, `t${group.indexOf(t)}.js`) })
    } catch (error) {
      for (const t of report) built.push({ space: t.space, from: t.from, error: String((error as Error).message) })
    }
  }
  return built
}

/** The whole conformance corpus through real builds of one bundler; the outputs run in a Node process of their own. */
export function describeCorpus(bundler: string, build: Build): void {
  describe(`the conformance corpus through real ${bundler} builds`, () => {
    for (const c of loadCorpus()) {
      if (c.configError) {
        it(`${c.name}: the build fails with ${c.configError.code}`, async () => {
          const { dir, cleanup } = makeTempDir(`modspace-${bundler}-`)
          try {
            await expect(build([join(c.dir, 'package.json')], { config: c.configFile, manifest: false }, { dir })).rejects.toThrow(c.configError!.code)
          } finally {
            cleanup()
          }
        })
        continue
      }
      if (loadTargets(c).length === 0) continue
      it(`${c.name}: ${c.description}`, async () => {
        const { dir, cleanup } = makeTempDir(`modspace-${bundler}-`)
        try {
          const built = await buildCase(build, c, dir)
          const problems = JSON.parse(execFileSync(process.execPath, [runOutputs, c.name, JSON.stringify(built)], { encoding: 'utf8' }))
          expect(problems).toEqual([])
        } finally {
          cleanup()
        }
      })
    }
  })
}
