import { ModspacePlugin } from '@modspace/webpack-plugin'
import { rspack, type Configuration } from '@rspack/core'
import type { Compiler } from 'webpack'
import { expect, it } from 'vitest'

it('runs under the rspack it is tested with', () => {
  expect(() => rspack({ plugins: [new ModspacePlugin({ config: { spaces: {} } })] } as Configuration)).not.toThrow()
})

it('refuses an rspack outside ^2.3.0, naming both versions and the fix', () => {
  for (const version of ['1.6.0', '2.2.9', '3.0.0']) {
    const compiler = { rspack: { rspackVersion: version } } as unknown as Compiler
    expect(() => new ModspacePlugin().apply(compiler)).toThrow(
      expect.objectContaining({ code: 'MODSPACE_UNSUPPORTED_BUNDLER', message: expect.stringContaining(`runs under rspack ^2.3.0, but this is rspack ${version}`), fix: 'install @rspack/core ^2.3.0, or build with webpack' }),
    )
  }
})

it("refuses rspack's persistent cache, which would restore modules decided by an earlier run, naming the config path", () => {
  const plugins = [new ModspacePlugin({ config: { spaces: {} } })]
  expect(() => rspack({ cache: { type: 'persistent' }, plugins } as Configuration)).toThrow(
    expect.objectContaining({ code: 'MODSPACE_UNSUPPORTED_BUNDLER', configPath: 'cache.type', message: expect.stringContaining("does not run with rspack's persistent cache") }),
  )
  expect(() => rspack({ cache: true, plugins } as Configuration)).not.toThrow()
})
