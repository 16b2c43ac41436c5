import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ModuleSpace } from '@modspace/node-adapter'
import { pluginCalls } from './plugin-calls.js'

// Two majors of one package in one process: a CommonJS plugin on chalk 4 and lodash 3, an ES module plugin on chalk 5
// and lodash 4, a plugin on React 18 and one on React 19. Each plugin folder has its own package.json and
// node_modules (installed by scripts/install-plugins.mjs), and each gets a space rooted there.
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}/`, import.meta.url))
const hostCache = createRequire(import.meta.url).cache
const names = Object.keys(pluginCalls)
const spaces = new Map(names.map((name) => [name, new ModuleSpace({ root: fixture(name), delegation: 'self-first', name })]))
afterAll(async () => Promise.all([...spaces.values()].map((space) => space.dispose())))
beforeAll(() => {
  const missing = names.filter((name) => !existsSync(`${fixture(name)}node_modules`))
  if (missing.length) throw new Error(`${missing.join(', ')} not installed: run npm ci at the repo's root (this package's postinstall installs them)`)
})

describe('two versions side by side', () => {
  it('each plugin gets its own major, and gives what it gives in plain Node', async () => {
    const native = JSON.parse(execFileSync(process.execPath, [fileURLToPath(new URL('./native/plugins.mjs', import.meta.url))], { encoding: 'utf8' }))
    const own: Record<string, unknown> = {}
    for (const name of names) own[name] = pluginCalls[name]!(await spaces.get(name)!.import(`${fixture(name)}index.js`))
    expect(own).toEqual(native)
    expect(own).toMatchObject({
      'cjs-plugin': { chalk: expect.stringMatching(/^4\./), lodash: expect.stringMatching(/^3\./), plucked: ['side', 'by', 'side'] },
      'esm-plugin': { chalk: 'Chalk class (5.x)', lodash: expect.stringMatching(/^4\./) },
      'react18-plugin': { react: expect.stringMatching(/^18\./) },
      'react19-plugin': { react: expect.stringMatching(/^19\./) },
    })
  }, 60_000)

  it('each space holds its plugin and its dependencies; the host holds none of them', async () => {
    for (const name of names) await spaces.get(name)!.import(`${fixture(name)}index.js`)
    const react18 = spaces.get('react18-plugin')!.require('react')
    const react19 = await spaces.get('react19-plugin')!.import('react')
    expect(react18.version).toMatch(/^18\./)
    expect(react19.default.version).toMatch(/^19\./)
    for (const [name, space] of spaces) {
      const files = [...Object.keys(space.requireCache), ...space.esmRecords.keys()]
      expect(files).toContain(`${fixture(name)}index.js`)
      expect(files.every((file) => file.startsWith(fixture(name)))).toBe(true)
      expect(Object.keys(hostCache).filter((id) => id.startsWith(fixture(name)))).toEqual([])
    }
    // The CommonJS plugin through require() is the same instance the import() above loaded.
    const cjs = spaces.get('cjs-plugin')!
    expect(cjs.require(`${fixture('cjs-plugin')}index.js`)).toBe(cjs.requireCache[`${fixture('cjs-plugin')}index.js`]!.exports)
  }, 60_000)
})
