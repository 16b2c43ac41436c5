import devMiddleware from 'webpack-dev-middleware'
import { it } from 'vitest'
import { collectBuilds, rebuildScenario } from './watch-scenario.js'

it('follows changed files and a changed config across compiler.watch rebuilds', async () => {
  await rebuildScenario((compiler) => {
    const build = collectBuilds(compiler)
    const watching = compiler.watch({ aggregateTimeout: 100 }, (error) => {
      if (error) throw error
    })
    return { build, close: () => new Promise((resolve) => (watching ? watching.close(() => resolve()) : resolve())) }
  })
})

it("follows them across the dev server's rebuilds (webpack-dev-middleware)", async () => {
  await rebuildScenario((compiler) => {
    const build = collectBuilds(compiler)
    // The dev server serves from memory; written to disk too, so that the test can run what it built.
    const middleware = devMiddleware(compiler, { writeToDisk: true })
    return { build, close: () => new Promise((resolve) => middleware.close(() => resolve())) }
  })
})
