import { loadCorpus, loadTargets, makeTempDir } from '@modspace/test-utils'
import type { Configuration } from '@rspack/core'
import { afterAll, expect, it } from 'vitest'
import { buildCase, describeCorpus, type RunBuild } from './corpus-suite.js'
import { runRspack } from './run-rspack.js'

const run: RunBuild = (config) => runRspack(config as Configuration)

// The corpus through real rspack (2.x) builds, as test/conformance.test.ts runs it through webpack, but for one case:
// rspack builds a graph's branches in parallel whatever `parallelism` says, so which of two copies of a native package
// it reaches first, and so which space's import is the conflict, changes from build to build (docs/webpack.md, "rspack").
const ORDER_DEPENDENT = 'native-conflict-error'
describeCorpus('rspack', run, [ORDER_DEPENDENT])

const temp = makeTempDir('modspace-rspack-order-')
afterAll(() => temp.cleanup())

it(`${ORDER_DEPENDENT}: fails the build with one MODSPACE_NATIVE_CONFLICT, for whichever copy rspack reached second`, async () => {
  const [c] = loadCorpus((name) => name === ORDER_DEPENDENT)
  const stats = await buildCase(run, c!, loadTargets(c!), temp.dir)
  const messages = stats.compilation.errors.map((e) => e.message)
  expect(messages).toHaveLength(1)
  expect(messages[0]).toMatch(/MODSPACE_NATIVE_CONFLICT[\s\S]*fake-addon/)
})
