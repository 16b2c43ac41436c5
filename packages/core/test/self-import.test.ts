import { describe, expect, it } from 'vitest'
import { createGraph } from '../src/index.js'
import { createMemoryHost } from './memory-host.js'

// An installed package that requires its own name gets itself, as Node's node_modules walk finds it; the parent's
// copy of the same name (another version) must not be mixed in. With "exports", self-reference goes through them.
const json = (value: object) => JSON.stringify(value)
const host = createMemoryHost({
  '/w/package.json': json({ name: 'w', version: '1.0.0' }),
  '/w/node_modules/selfy/package.json': json({ name: 'selfy', version: '9.0.0' }),
  '/w/node_modules/selfy/index.js': '',
  '/w/node_modules/selfy/lib/x.js': '',
  '/w/p/package.json': json({ name: 'p', version: '1.0.0', dependencies: { selfy: '^1.0.0' } }),
  '/w/p/index.js': '',
  '/w/p/node_modules/selfy/package.json': json({ name: 'selfy', version: '1.0.0' }),
  '/w/p/node_modules/selfy/index.js': '',
  '/w/p/node_modules/selfy/lib/x.js': '',
  '/w/p/node_modules/exporty/package.json': json({ name: 'exporty', version: '1.0.0', exports: { '.': './main.js', './x': './x.js' } }),
  '/w/p/node_modules/exporty/main.js': '',
  '/w/p/node_modules/exporty/x.js': '',
})
const graph = createGraph({ spaces: { p: { root: './p' } } }, { cwd: '/w', host })

// [description, { specifier, importer }, expected { space, id }]
const rows: Array<[string, { specifier: string; importer: string }, { space: string; id: string }]> = [
  ['a package without exports requires its own name: itself', { specifier: 'selfy', importer: '/w/p/node_modules/selfy/lib/x.js' }, { space: 'p', id: '/w/p/node_modules/selfy/index.js' }],
  ['a package without exports requires its own subpath: its own file', { specifier: 'selfy/lib/x.js', importer: '/w/p/node_modules/selfy/index.js' }, { space: 'p', id: '/w/p/node_modules/selfy/lib/x.js' }],
  ['a package with exports imports itself through them', { specifier: 'exporty/x', importer: '/w/p/node_modules/exporty/main.js' }, { space: 'p', id: '/w/p/node_modules/exporty/x.js' }],
  ['the same name from the space\'s own code follows parent-first (range ^1 refuses 9.0.0)', { specifier: 'selfy', importer: '/w/p/index.js' }, { space: 'p', id: '/w/p/node_modules/selfy/index.js' }],
  ['the parent\'s copy requiring its own name stays the parent\'s', { specifier: 'selfy', importer: '/w/node_modules/selfy/lib/x.js' }, { space: 'root', id: '/w/node_modules/selfy/index.js' }],
]

describe('a package importing its own name', () => {
  it.each(rows)('%s', (_description, { specifier, importer }, expected) => {
    const space = importer.startsWith('/w/p/') ? 'p' : 'root'
    const result = graph.resolve({ space, specifier, importer, kind: 'require' })
    expect({ space: result.space, id: result.id }).toEqual(expected)
  })
})
