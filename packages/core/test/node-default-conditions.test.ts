import { describe, expect, it } from 'vitest'
import { createGraph, type ResolveRequest } from '../src/index.js'
import { createMemoryHost } from './memory-host.js'

// Node 24 matches `module-sync` and `node-addons` for both import and require; the core does the same whenever the
// conditions target Node, and not for a browser target (conditions without `node`).
const host = createMemoryHost({
  '/w/package.json': '{"name":"w","version":"1.0.0"}',
  '/w/node_modules/sync/package.json': JSON.stringify({
    name: 'sync',
    version: '1.0.0',
    exports: {
      '.': { 'module-sync': './sync.mjs', import: './esm.mjs', require: './cjs.cjs' },
      './addon': { 'node-addons': './addon.cjs', default: './fallback.cjs' },
    },
  }),
  '/w/node_modules/sync/sync.mjs': '',
  '/w/node_modules/sync/esm.mjs': '',
  '/w/node_modules/sync/cjs.cjs': '',
  '/w/node_modules/sync/addon.cjs': '',
  '/w/node_modules/sync/fallback.cjs': '',
})
const graph = createGraph({ spaces: {} }, { cwd: '/w', host })

// [description, request, expected id]
const rows: Array<[string, Omit<ResolveRequest, 'space'>, string]> = [
  ['import matches module-sync, as Node 24 does', { specifier: 'sync', kind: 'import' }, '/w/node_modules/sync/sync.mjs'],
  ['require matches module-sync, as Node 24 does', { specifier: 'sync', kind: 'require' }, '/w/node_modules/sync/sync.mjs'],
  ['node-addons is matched by default', { specifier: 'sync/addon', kind: 'require' }, '/w/node_modules/sync/addon.cjs'],
  ['a browser target does not match module-sync', { specifier: 'sync', kind: 'import', conditions: ['browser'] }, '/w/node_modules/sync/esm.mjs'],
  ['a browser target does not match node-addons', { specifier: 'sync/addon', kind: 'require', conditions: ['browser'] }, '/w/node_modules/sync/fallback.cjs'],
]

describe('conditions Node adds by default', () => {
  it.each(rows)('%s', (_description, request, expected) => {
    expect(graph.resolve({ space: 'root', ...request }).id).toBe(expected)
  })
})

describe('a conditions array passed again', () => {
  it('is read again when it was changed in place', () => {
    const conditions = ['browser']
    const ask = () => graph.resolve({ space: 'root', specifier: 'sync', kind: 'import', conditions }).id
    expect(ask()).toBe('/w/node_modules/sync/esm.mjs')
    conditions.splice(0, 1, 'node')
    expect(ask()).toBe('/w/node_modules/sync/sync.mjs')
  })
})
