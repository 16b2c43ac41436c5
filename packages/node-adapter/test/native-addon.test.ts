import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTempDir } from '@modspace/test-utils'
import { createSpaces } from '../src/index.js'
import { buildAddon } from './build-addon.js'

// A real Node-API addon, built with node-gyp against this Node's headers, reached by two sibling spaces through
// symlinks to one real folder. The config pins natives to the space "natives".
const temp = makeTempDir('modspace-native-')
const dir = temp.dir

function write(file: string, text: string): void {
  mkdirSync(join(dir, file, '..'), { recursive: true })
  writeFileSync(join(dir, file), text)
}

beforeAll(() => {
  buildAddon(join(dir, 'shared/counter-addon'))
  write('modspace.config.json', JSON.stringify({ spaces: { natives: { root: './natives' }, a: { root: './a' }, b: { root: './b' } }, native: { pin: 'natives' } }))
  write('package.json', '{ "name": "host", "version": "1.0.0", "private": true }')
  write('natives/package.json', '{ "name": "natives", "version": "1.0.0", "private": true }')
  for (const space of ['a', 'b']) {
    write(`${space}/package.json`, `{ "name": "${space}", "version": "1.0.0", "dependencies": { "counter-addon": "1.0.0" } }`)
    mkdirSync(join(dir, space, 'node_modules'))
    symlinkSync(join(dir, 'shared/counter-addon'), join(dir, space, 'node_modules/counter-addon'))
  }
  write('a/index.js', "exports.native = require('counter-addon')\n")
  write('b/index.mjs', "import * as native from 'counter-addon'\nexport { native }\n")
}, 180_000)
afterAll(() => temp.cleanup())

describe('native addons', () => {
  it('loads a native package once, in the pin space, and opens the addon once per process', async () => {
    const spaces = await createSpaces(dir)
    const fromA = spaces.get('a').require('./index.js').native
    const fromB = (await spaces.get('b').import('./index.mjs')).native.default
    expect(fromB).toBe(fromA)
    expect(fromA.addon.inits()).toBe(1)
    expect(spaces.graph.resolve({ space: 'a', specifier: 'counter-addon', kind: 'require' })).toMatchObject({ space: 'natives', kind: 'native' })

    // New spaces: a new instance of the package's JavaScript, but the same addon, never opened again.
    const again = await createSpaces(dir)
    const fresh = again.get('a').require('./index.js').native
    expect(fresh.token).not.toBe(fromA.token)
    expect(fresh.addon).toBe(fromA.addon)
    expect(fresh.addon.inits()).toBe(1)
    await spaces.dispose()
    await again.dispose()
  }, 30_000)
})
