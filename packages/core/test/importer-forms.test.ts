import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createGraph } from '../src/index.js'
import { createMemoryHost } from './memory-host.js'

// The importer may be written several ways; all of them must name the same file, so the same answer comes back.
const host = createMemoryHost({
  '/w/package.json': '{"name":"w","version":"1.0.0"}',
  '/w/p/package.json': '{"name":"p","version":"1.0.0","dependencies":{"dep":"^1.0.0"}}',
  '/w/p/a b/file.js': '',
  '/w/p/a b/sibling.js': '',
  '/w/p/node_modules/dep/package.json': '{"name":"dep","version":"1.0.0"}',
  '/w/p/node_modules/dep/index.js': '',
  '/w/node_modules/dep/package.json': '{"name":"dep","version":"2.0.0"}',
  '/w/node_modules/dep/index.js': '',
  // A folder of the space reached through a link from outside it, as a workspace tool may lay it out.
  '/w/linked-src': { link: '/w/p/a b' },
})
const graph = createGraph({ spaces: { p: { root: './p' } } }, { cwd: '/w', host })

// [description, importer, expected id of "./sibling.js"]
const relative: Array<[string, string, string]> = [
  ['an absolute path', '/w/p/a b/file.js', '/w/p/a b/sibling.js'],
  ['a file: URL, percent-decoded', pathToFileURL('/w/p/a b/file.js').href, '/w/p/a b/sibling.js'],
  ['a path relative to the space root', 'a b/file.js', '/w/p/a b/sibling.js'],
  ['a ./path relative to the space root', './a b/file.js', '/w/p/a b/sibling.js'],
  ['a path through a symlink, resolved to the real file', '/w/linked-src/file.js', '/w/p/a b/sibling.js'],
]

// [description, importer, expected id of the bare "dep"]: the space's package.json declares dep ^1.0.0, which the
// parent's 2.0.0 does not satisfy; that range is found only from the importer's real folder.
const bare: Array<[string, string, string]> = [
  ['an absolute path inside the space', '/w/p/a b/file.js', '/w/p/node_modules/dep/index.js'],
  ['a file: URL inside the space', pathToFileURL('/w/p/a b/file.js').href, '/w/p/node_modules/dep/index.js'],
  ['a symlinked path whose real folder is inside the space', '/w/linked-src/file.js', '/w/p/node_modules/dep/index.js'],
]

describe('importer forms', () => {
  it.each(relative)('%s resolves a relative import beside it', (_description, importer, expected) => {
    expect(graph.resolve({ space: 'p', specifier: './sibling.js', importer }).id).toBe(expected)
  })

  it.each(bare)('%s looks up bare imports from the space', (_description, importer, expected) => {
    expect(graph.resolve({ space: 'p', specifier: 'dep', importer }).id).toBe(expected)
  })
})
