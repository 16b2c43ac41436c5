import { describe, expect, it } from 'vitest'
import { checkInstances, loadCorpus, loadTargets, type CorpusCase, type LoadTarget } from '@modspace/test-utils'
import { ModspaceError } from '@modspace/core'
import { createSpaces, type Spaces } from '../src/index.js'

// The conformance corpus (conformance/cases) at run time: every load target is loaded as an entry of its space, in
// one set of spaces per case, and the shared assertion compares the instances with the core's answers.

type Loaded = { exports: Record<string, unknown> } | { error: unknown }

async function loadTarget(spaces: Spaces, target: LoadTarget): Promise<Loaded> {
  try {
    const space = spaces.get(target.space)
    const exports = target.from.endsWith('.cjs') ? space.require(target.from) : await space.import(target.from)
    return { exports }
  } catch (error) {
    return { error }
  }
}

async function runCase(c: CorpusCase): Promise<string[]> {
  const spaces = await createSpaces(c.configFile, { onWarning: () => {} })
  try {
    const loaded = new Map<LoadTarget['from'], Loaded>()
    for (const target of loadTargets(c)) loaded.set(`${target.space}\0${target.from}`, await loadTarget(spaces, target))
    return checkInstances(c, (target) => loaded.get(`${target.space}\0${target.from}`)!).map((p) => p.message)
  } finally {
    await spaces.dispose()
  }
}

const corpus = loadCorpus()

it('has cases to run', () => {
  expect(corpus.length).toBeGreaterThan(0)
})

for (const c of corpus) {
  describe(c.name, () => {
    const configError = c.configError
    if (configError) {
      it(`rejects the config with ${configError.code} before any module runs`, async () => {
        const error = await createSpaces(c.configFile).catch((e: unknown) => e)
        expect(error).toBeInstanceOf(ModspaceError)
        expect((error as ModspaceError).code).toBe(configError.code)
      })
      return
    }
    it(`loads every target with the instances the core decides (${loadTargets(c).length} targets)`, async () => {
      expect(await runCase(c)).toEqual([])
    })
  })
}
