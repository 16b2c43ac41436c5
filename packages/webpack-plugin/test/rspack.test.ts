import { ModspacePlugin } from '@modspace/webpack-plugin'
import { loadCorpus, makeTempDir } from '@modspace/test-utils'
import { rspack, type Configuration } from '@rspack/core'
import { afterAll, expect, it } from 'vitest'
import { nodeBuild } from './run-webpack.js'

const temp = makeTempDir('modspace-rspack-')
afterAll(() => temp.cleanup())

// rspack 2.3's module-factory hooks cannot carry a space (docs/webpack.md, "rspack"): the plugin refuses at once
// rather than build modules into the wrong spaces. When rspack gives hooks what they lack, this test fails and the
// conformance corpus is to run here as it runs under webpack.
it('refuses to run under rspack, saying what rspack lacks and what to use instead', () => {
  const [c] = loadCorpus((name) => name === 'siblings-different-versions')
  const config = nodeBuild(c!.dir, temp.dir, { t0: './plugins/a/index.mjs' }, { plugins: [new ModspacePlugin({ config: c!.configFile })] })
  expect(() => rspack(config as Configuration)).toThrow(
    /MODSPACE_UNSUPPORTED_BUNDLER.*does not run under rspack: .*import or require.*cannot put a module in a layer.*external module[\s\S]*fix: build with webpack 5\.90 or later/,
  )
  expect(() => rspack(config as Configuration)).toThrow(expect.objectContaining({ code: 'MODSPACE_UNSUPPORTED_BUNDLER', expected: 'webpack ^5.90.0' }))
})
