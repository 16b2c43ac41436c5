import { ROOT_SPACE, type ResolveResult } from '@modspace/core'
import { describe, expect, it } from 'vitest'
import { PairingCheck } from '../src/rspack/check-pairing.js'
import { DecisionQueue } from '../src/rspack/decision-queue.js'

const key = { request: 'dual', context: '/app', issuer: '/app/index.js', issuerLayer: 'a' }
const decided = (kind: 'import' | 'require', id: string) => ({
  plan: { request: { space: 'a', specifier: 'dual', kind }, query: '' },
  result: { space: 'a', id, kind: 'file' } as ResolveResult,
})

describe('DecisionQueue', () => {
  it('hands decisions of one key on first in, first out, and says when the pending ones disagree', () => {
    const queue = new DecisionQueue()
    queue.push(key, decided('import', '/app/esm.mjs'))
    queue.push(key, decided('require', '/app/cjs.cjs'))
    expect(queue.take(key)).toMatchObject({ decision: { result: { id: '/app/esm.mjs' } }, contested: true })
    expect(queue.take(key)).toMatchObject({ decision: { result: { id: '/app/cjs.cjs' } }, contested: false })
    expect(queue.take(key)).toBeUndefined()
  })

  it('keeps dependencies apart by importer, layer and context', () => {
    const queue = new DecisionQueue()
    queue.push(key, decided('import', '/app/esm.mjs'))
    expect(queue.take({ ...key, issuerLayer: ROOT_SPACE })).toBeUndefined()
    expect(queue.take({ ...key, issuer: '/app/other.js' })).toBeUndefined()
    expect(queue.take({ ...key, context: '/elsewhere' })).toBeUndefined()
    expect(queue.take(key)).toMatchObject({ contested: false })
  })

  it('does not call decisions for the same file contested', () => {
    const queue = new DecisionQueue()
    queue.push(key, decided('import', '/app/index.cjs'))
    queue.push(key, decided('require', '/app/index.cjs'))
    expect(queue.take(key)?.contested).toBe(false)
  })
})

describe('PairingCheck', () => {
  const from = (issuer: string, category: string, request = 'dual') => [{ originModule: { resource: issuer }, dependency: { category, request } }]

  it("fails a module rspack gave to the other kind of its importer's contested request", () => {
    const pairing = new PairingCheck()
    pairing.expect('/app/esm.mjs?modspace=a', { issuer: '/app/index.js', request: 'dual', kind: 'import' })
    expect(pairing.check('/app/esm.mjs?modspace=a', from('/app/index.js?modspace=a', 'esm'))).toBeUndefined()
    expect(pairing.check('/app/esm.mjs?modspace=a', from('/app/index.js?modspace=a', 'commonjs'))?.message).toMatch(
      /MODSPACE_UNSUPPORTED_BUNDLER.*rspack gave \/app\/esm\.mjs to a require of "dual" that modspace decided as an import/,
    )
  })

  it('leaves other importers, other requests and uncontested modules alone', () => {
    const pairing = new PairingCheck()
    pairing.expect('/app/esm.mjs?modspace=a', { issuer: '/app/index.js', request: 'dual', kind: 'import' })
    expect(pairing.check('/app/esm.mjs?modspace=a', from('/app/other.js', 'commonjs'))).toBeUndefined()
    expect(pairing.check('/app/esm.mjs?modspace=a', from('/app/index.js', 'commonjs', './esm.mjs'))).toBeUndefined()
    expect(pairing.check('/app/cjs.cjs?modspace=a', from('/app/index.js', 'commonjs'))).toBeUndefined()
  })
})
