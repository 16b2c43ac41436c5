import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { makeTempDir } from '@modspace/test-utils'
import { afterAll, expect, it } from 'vitest'

// The repo's pinned Node 24, not whatever `node` the shell has.
const node = fileURLToPath(new URL('../../../node_modules/.bin/node', import.meta.url))
const build = fileURLToPath(new URL('fixtures/cjs-config/build.cjs', import.meta.url))
const temp = makeTempDir('modspace-webpack-cjs-')
afterAll(() => temp.cleanup())

it('works from a CommonJS webpack config through require(esm), in a real Node 24 process', () => {
  const stdout = execFileSync(node, [build], { env: { ...process.env, OUT_DIR: temp.dir }, encoding: 'utf8' })
  const result = JSON.parse(stdout.trim().split('\n').pop()!)
  expect(result).toEqual({ node: expect.stringMatching(/^24\./), errors: [], defaultIsNamed: true, sharedIsOne: true, ownIsTwo: true })
})
