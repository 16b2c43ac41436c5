import { describe, expect, it } from 'vitest'
import { checkGraph, createGraph, ErrorCodes, type ModspaceConfig } from '../src/index.js'
import { createMemoryHost } from './memory-host.js'

const json = (value: object) => JSON.stringify(value)
const host = createMemoryHost({
  '/w/package.json': json({ name: 'w', version: '1.0.0' }),
  '/w/node_modules/react/package.json': json({ name: 'react', version: '18.2.0' }),
  '/w/node_modules/react/index.js': '',
  '/w/a/package.json': json({ name: 'a', version: '1.0.0' }),
  '/w/a/main.js': '',
})

// [description, config, expected problem (code, config path, a phrase of its message)]
const rows: Array<[string, ModspaceConfig, { code: string; configPath: string; phrase: string }]> = [
  ['a missing entry, with the config file and the fix', { spaces: { a: { root: './a', entries: { main: './a/nope.js' } } } }, { code: ErrorCodes.ENTRY_MISSING, configPath: 'spaces.a.entries.main', phrase: 'fix: create /w/a/nope.js, or correct spaces.a.entries.main' }],
  ['a shared range the parent does not satisfy', { spaces: { a: { root: './a', shared: { react: '^19.0.0' } } } }, { code: ErrorCodes.SHARED_RANGE, configPath: 'spaces.a.shared.react', phrase: 'react@18.2.0' }],
]

describe('modspace check', () => {
  it.each(rows)('reports %s', (_description, config, expected) => {
    const graph = createGraph(config, { cwd: '/w', host, configFile: '/w/modspace.config.json' })
    const problem = checkGraph(graph).find((p) => p.code === expected.code)
    expect(problem).toMatchObject({ severity: 'error', configPath: expected.configPath })
    expect(problem!.message).toContain(expected.phrase)
    expect(problem!.message).toContain('file: /w/modspace.config.json')
  })

  it('finds nothing wrong with an entry that exists', () => {
    const graph = createGraph({ spaces: { a: { root: './a', entries: { main: './a/main.js' } } } }, { cwd: '/w', host })
    expect(checkGraph(graph)).toEqual([])
  })
})
