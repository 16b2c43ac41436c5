import { describe, expect, it } from 'vitest'
import { createGraph } from '../src/index.js'
import { createMemoryHost } from './memory-host.js'

function graphOverTwoSpaces() {
  const host = createMemoryHost({
    '/w/package.json': '{"name":"w","version":"1.0.0"}',
    '/w/a/package.json': '{"name":"a","version":"1.0.0"}',
    '/w/a/node_modules/x/package.json': '{"name":"x","version":"1.0.0"}',
    '/w/a/node_modules/x/index.js': '',
    '/w/b/package.json': '{"name":"b","version":"1.0.0"}',
    '/w/b/node_modules/x/package.json': '{"name":"x","version":"2.0.0"}',
    '/w/b/node_modules/x/index.js': '',
  })
  const graph = createGraph({ spaces: { a: { root: './a', isolated: ['x'] }, b: { root: './b', isolated: ['x'] } } }, { cwd: '/w', host })
  return { graph, host }
}

describe('graph.forgetSpace()', () => {
  it('gives back one space\'s answers and reads, and keeps the other\'s', () => {
    const { graph, host } = graphOverTwoSpaces()
    const a = graph.resolve({ space: 'a', specifier: 'x' })
    const b = graph.resolve({ space: 'b', specifier: 'x' })
    graph.forgetSpace('a')
    const reads = host.reads.length
    // b answers from what it remembered: the same object, no read.
    expect(graph.resolve({ space: 'b', specifier: 'x' })).toBe(b)
    expect(host.reads.length).toBe(reads)
    // a answers the same again, reading its files again.
    const again = graph.resolve({ space: 'a', specifier: 'x' })
    expect(again).not.toBe(a)
    expect(again).toEqual(a)
    expect(host.reads.slice(reads).some((path) => path.startsWith('/w/a/'))).toBe(true)
  })

  it('gives back everything once every space is forgotten', () => {
    const { graph, host } = graphOverTwoSpaces()
    const b = graph.resolve({ space: 'b', specifier: 'x' })
    graph.forgetSpace('a')
    graph.forgetSpace('b')
    const reads = host.reads.length
    expect(graph.resolve({ space: 'b', specifier: 'x' })).toEqual(b)
    expect(host.reads.length).toBeGreaterThan(reads)
  })

  it('names an unknown space', () => {
    expect(() => graphOverTwoSpaces().graph.forgetSpace('c')).toThrow(/MODSPACE_UNKNOWN_SPACE/)
  })
})
