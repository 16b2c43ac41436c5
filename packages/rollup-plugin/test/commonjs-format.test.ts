import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { makeTempDir } from '@modspace/test-utils'
import { afterAll, expect, it } from 'vitest'
import { isCommonJs } from '../src/commonjs-format.js'

const tmp = makeTempDir('modspace-cjs-format-')
afterAll(() => tmp.cleanup())

function fileUnder(type: string | undefined): string {
  const dir = join(tmp.dir, type ?? 'none')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'package.json'), JSON.stringify(type === undefined ? {} : { type }))
  return join(dir, 'index.js')
}

it.each([
  ['"type": "commonjs"', 'commonjs', 'export const a = 1', true],
  ['"type": "module"', 'module', 'module.exports = 1', false],
  ['no "type", CommonJS code', undefined, 'module.exports = 1', true],
  ['no "type", ES module code', undefined, 'export const a = 1', false],
  ['a "type" Node does not know, CommonJS code', 'foo', 'module.exports = 1', true],
  ['a "type" Node does not know, ES module code', 'foo', 'export const a = 1', false],
])('reads a .js file under %s as Node does', (_, type, code, commonJs) => {
  expect(isCommonJs(fileUnder(type), code)).toBe(commonJs)
})
