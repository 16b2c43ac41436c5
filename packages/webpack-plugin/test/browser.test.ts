import { makeTempDir } from '@modspace/test-utils'
import { afterAll, expect, it } from 'vitest'
import { browserBuild, expectBrowserBuild } from './browser-fixture.js'
import { errorMessages, runWebpack } from './run-webpack.js'

const temp = makeTempDir('modspace-webpack-browser-')
afterAll(() => temp.cleanup())

it('builds for the browser with the browser export condition, each space its own copy', async () => {
  const stats = await runWebpack(browserBuild(temp.dir))
  expect(errorMessages(stats)).toEqual([])
  expectBrowserBuild(temp.dir)
})
