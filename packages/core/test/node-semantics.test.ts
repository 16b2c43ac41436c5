import { describe, expect, it } from 'vitest'
import { createGraph, type ResolveRequest } from '../src/index.js'
import { createMemoryHost } from './memory-host.js'

// Node's own rules inside one space, each row checked against Node 24 (import.meta.resolve / require.resolve) on the
// same tree on disk when it was written. An expected `error` is the ModspaceError code where Node throws.
const json = (value: object) => JSON.stringify(value)
const host = createMemoryHost({
  '/w/package.json': json({ name: 'w', version: '1.0.0' }),
  '/w/p/package.json': json({ name: 'p', version: '1.0.0', imports: { '#dep': 'dep', '#hidden/*': null, '#src/*': './src/*' } }),
  '/w/p/index.js': '',
  '/w/p/src/q.js': '',
  '/w/p/node_modules/dep/package.json': json({ name: 'dep', version: '1.0.0' }),
  '/w/p/node_modules/dep/index.js': '',
  '/w/p/node_modules/nulls/package.json': json({ name: 'nulls', version: '1.0.0', exports: { '.': './index.js', './private/*': null, './*': './*' } }),
  '/w/p/node_modules/nulls/index.js': '',
  '/w/p/node_modules/nulls/pub.js': '',
  '/w/p/node_modules/nulls/private/a.js': '',
  '/w/p/node_modules/main-no-ext/package.json': json({ name: 'main-no-ext', version: '1.0.0', main: './lib/main' }),
  '/w/p/node_modules/main-no-ext/lib/main.js': '',
  '/w/p/node_modules/main-dir/package.json': json({ name: 'main-dir', version: '1.0.0', main: 'lib' }),
  '/w/p/node_modules/main-dir/lib/index.js': '',
  '/w/p/node_modules/no-main/package.json': json({ name: 'no-main', version: '1.0.0' }),
  '/w/p/node_modules/no-main/index.js': '',
  '/w/p/node_modules/no-main/sub.js': '',
  '/w/p/node_modules/@sc/pkg/package.json': json({ name: '@sc/pkg', version: '1.0.0', exports: { '.': './i.js', './sub': './s.js' } }),
  '/w/p/node_modules/@sc/pkg/i.js': '',
  '/w/p/node_modules/@sc/pkg/s.js': '',
})
const graph = createGraph({ spaces: { p: { root: './p', delegation: 'self-first' } } }, { cwd: '/w', host })
const importer = '/w/p/index.js'

// [description, request, expected id or error code]
const rows: Array<[string, Pick<ResolveRequest, 'specifier' | 'kind'>, { id: string } | { error: string }]> = [
  ['an exports null target refuses the subpath', { specifier: 'nulls/private/a.js' }, { error: 'MODSPACE_NOT_FOUND' }],
  ['an exports pattern beside a null target still maps', { specifier: 'nulls/pub.js' }, { id: '/w/p/node_modules/nulls/pub.js' }],
  ['an imports null target refuses the subpath', { specifier: '#hidden/a' }, { error: 'MODSPACE_NOT_FOUND' }],
  ['an imports pattern maps to a file', { specifier: '#src/q.js' }, { id: '/w/p/src/q.js' }],
  ['an imports entry maps to a package (the space\'s own copy)', { specifier: '#dep' }, { id: '/w/p/node_modules/dep/index.js' }],
  ['import completes a main without extension (legacy main resolve)', { specifier: 'main-no-ext', kind: 'import' }, { id: '/w/p/node_modules/main-no-ext/lib/main.js' }],
  ['import completes a main that names a folder', { specifier: 'main-dir', kind: 'import' }, { id: '/w/p/node_modules/main-dir/lib/index.js' }],
  ['import finds index.js of a package without main', { specifier: 'no-main', kind: 'import' }, { id: '/w/p/node_modules/no-main/index.js' }],
  ['import of a subpath needs the full file name', { specifier: 'no-main/sub', kind: 'import' }, { error: 'MODSPACE_NOT_FOUND' }],
  ['require of a subpath completes the extension', { specifier: 'no-main/sub', kind: 'require' }, { id: '/w/p/node_modules/no-main/sub.js' }],
  ['a scoped package\'s exported subpath', { specifier: '@sc/pkg/sub' }, { id: '/w/p/node_modules/@sc/pkg/s.js' }],
  ['a scoped package\'s unexported subpath is refused', { specifier: '@sc/pkg/s.js' }, { error: 'MODSPACE_NOT_FOUND' }],
]

describe('Node semantics inside a space', () => {
  it.each(rows)('%s', (_description, request, expected) => {
    const ask = () => graph.resolve({ space: 'p', importer, ...request })
    if ('error' in expected) expect(ask).toThrow(expect.objectContaining({ code: expected.error }))
    else expect(ask().id).toBe(expected.id)
  })
})

// Relative requests the core answers without the full resolver (exact file, then `.js`, `.json`, `.node`, before a
// folder), and bare lookups shared by every folder of a package unless a folder between has its own node_modules.
// Each row checked with require.resolve / import.meta.resolve of Node 24 on the same tree on disk.
const fastTree = createMemoryHost({
  '/f/package.json': json({ name: 'f', version: '1.0.0' }),
  '/f/index.js': '',
  '/f/rel.js': '',
  '/f/rel/index.js': '',
  '/f/rel/a.js': '',
  '/f/rel/a.json': '',
  '/f/rel/a/index.js': '',
  '/f/rel/b.json': '',
  '/f/rel/b/index.js': '',
  '/f/rel/c/index.js': '',
  '/f/rel/sub/x.js': '',
  '/f/node_modules/dep/package.json': json({ name: 'dep', version: '1.0.0' }),
  '/f/node_modules/dep/index.js': '',
  '/f/lib/node_modules/dep/package.json': json({ name: 'dep', version: '2.0.0' }),
  '/f/lib/node_modules/dep/index.js': '',
  '/f/lib/deep/x.js': '',
  '/f/src/deep/x.js': '',
  '/f/mainfolder/package.json': json({ main: 'lib' }),
  '/f/mainfolder/lib/package.json': json({ main: 'inner.js' }),
  '/f/mainfolder/lib/index.js': '',
  '/f/mainfolder/lib/inner.js': '',
})
const fastGraph = createGraph({ spaces: { f: { root: '.', delegation: 'self-first' } } }, { cwd: '/f', host: fastTree })

// [description, importer, request, expected id or error code]; order matters: the first bare lookup is remembered.
const fastRows: Array<[string, string, Pick<ResolveRequest, 'specifier' | 'kind'>, { id: string } | { error: string }]> = [
  ['require adds .js before trying a folder of the same name', '/f/index.js', { specifier: './rel/a', kind: 'require' }, { id: '/f/rel/a.js' }],
  ['require adds .json when there is no .js', '/f/index.js', { specifier: './rel/b', kind: 'require' }, { id: '/f/rel/b.json' }],
  ['require falls back to the folder index', '/f/index.js', { specifier: './rel/c', kind: 'require' }, { id: '/f/rel/c/index.js' }],
  ['require of ".." is the folder, never "...js"', '/f/rel/sub/x.js', { specifier: '..', kind: 'require' }, { id: '/f/rel/index.js' }],
  ['require of "../../rel" takes rel.js over the folder', '/f/rel/sub/x.js', { specifier: '../../rel', kind: 'require' }, { id: '/f/rel.js' }],
  ['a main naming a folder takes that folder\'s index, not its own main', '/f/index.js', { specifier: './mainfolder', kind: 'require' }, { id: '/f/mainfolder/lib/index.js' }],
  ['import adds no extension', '/f/index.js', { specifier: './rel/a', kind: 'import' }, { error: 'MODSPACE_NOT_FOUND' }],
  ['a bare lookup from a plain sub-folder finds the package\'s dependency', '/f/src/deep/x.js', { specifier: 'dep', kind: 'require' }, { id: '/f/node_modules/dep/index.js' }],
  ['a sub-folder with node_modules of its own is searched first', '/f/lib/deep/x.js', { specifier: 'dep', kind: 'require' }, { id: '/f/lib/node_modules/dep/index.js' }],
]

describe('relative fast path and shared bare lookups', () => {
  it.each(fastRows)('%s', (_description, importer, request, expected) => {
    const ask = () => fastGraph.resolve({ space: 'f', importer, ...request })
    if ('error' in expected) expect(ask).toThrow(expect.objectContaining({ code: expected.error }))
    else expect(ask().id).toBe(expected.id)
  })
})
