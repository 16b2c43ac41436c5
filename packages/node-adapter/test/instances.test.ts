import { createRequire } from 'node:module'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createSpaces, type Spaces } from '../src/index.js'
import { fixture } from './fixture-path.js'

const tree = fixture('tree')
let open: Spaces[] = []
afterEach(async () => {
  for (const spaces of open) await spaces.dispose()
  open = []
})
async function load(): Promise<Spaces> {
  const spaces = await createSpaces(join(tree, 'modspace.config.json'))
  open.push(spaces)
  return spaces
}

describe('instances per space', () => {
  it('gives two spaces that own the same file two instances, and one instance of what a common ancestor owns', async () => {
    const spaces = await load()
    const a = await spaces.get('plugin-a').import('./index.js')
    const twin = await spaces.get('plugin-a-twin').import('./index.js')
    expect(a.ownToken).toBeTypeOf('object')
    expect(twin.ownToken).not.toBe(a.ownToken)
    expect(twin.commonToken).toBe(a.commonToken)
    const b = spaces.get('plugin-b').require('./index.js')
    expect(b.commonToken).toBe(a.commonToken)
  })

  it('lists every space of the config, and gives root as the host', async () => {
    const spaces = await load()
    expect([...spaces].map((space) => space.name)).toEqual(['base', 'plugin-a', 'plugin-a-twin', 'plugin-b', 'plugin-b-child'])
    expect(spaces.has('root')).toBe(true)
    expect(spaces.get('plugin-a').parent?.name).toBe('base')
    expect(spaces.get('root').require('host-dep')).toBe(createRequire(join(tree, 'package.json'))('host-dep'))
  })

  it("loads root's modules with the host's own require", async () => {
    const spaces = await load()
    const a = await spaces.get('plugin-a').import('./index.js')
    const host = createRequire(join(tree, 'package.json'))('host-dep')
    expect(a.hostToken).toBe(host.token)
  })

  it('keeps a fresh set of spaces apart from the first', async () => {
    const first = await (await load()).get('plugin-a').import('./index.js')
    const second = await (await load()).get('plugin-a').import('./index.js')
    expect(second.ownToken).not.toBe(first.ownToken)
    expect(second.commonToken).not.toBe(first.commonToken)
    expect(second.hostToken).toBe(first.hostToken)
  })

  it('returns the same namespace for a module imported twice in one space', async () => {
    const a = (await load()).get('plugin-a')
    const [one, two] = await Promise.all([a.import('own-esm'), a.import('own-esm')])
    expect(one).toBe(two)
    expect(await a.import('./index.js')).toBe(await a.import('./index.js'))
  })
})

describe('CommonJS and ESM, both ways', () => {
  it('binds ES imports live, reads CommonJS named exports, and picks the export condition by kind', async () => {
    const spaces = await load()
    const a = await spaces.get('plugin-a').import('./index.js')
    expect(a.live).toEqual({ before: 0, after: 1, viaNamespace: 1 })
    expect(a.greeting).toBe('hello space')
    expect(a.doubled).toBe(42)
    expect(a.flavour).toBe('import')
    expect(spaces.get('plugin-b').require('./index.js').flavour).toBe('require')
    expect(a.data).toEqual({ answer: 42 })
    expect(Object.prototype.toString.call(a.dynamic)).toBe('[object Module]')
    expect(a.dynamic.count).toBe(1)
  })

  it('lets CommonJS require an ES module (the same instance the ES side sees)', async () => {
    const spaces = await load()
    const a = await spaces.get('plugin-a').import('./index.js')
    expect(a.cjs.esm.token).toBe(a.ownToken)
    expect((await a.cjs.later()).token).toBe(a.ownToken)
  })

  it('gives import.meta and the CommonJS view of the space', async () => {
    const spaces = await load()
    const a = await spaces.get('plugin-a').import('./index.js')
    const root = join(tree, 'plugins/a')
    expect(a.meta).toEqual({
      url: `file://${root}/index.js`,
      filename: join(root, 'index.js'),
      dirname: root,
      resolved: `file://${root}/node_modules/own-esm/index.js`,
    })
    expect(a.cjs.view).toEqual({
      paths: [join(root, 'node_modules/own-cjs/lib/node_modules'), join(root, 'node_modules/own-cjs/node_modules'), join(root, 'node_modules')],
      resolved: join(root, 'node_modules/own-cjs/lib/helper.js'),
      builtin: 'fs',
      cached: true,
      isMain: false,
    })
  })
})
