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
  it('fails a module rspack created for the other kind of a contested request', () => {
    const pairing = new PairingCheck()
    pairing.expect('/app/esm.mjs?modspace=a', 'import')
    expect(() => pairing.check('/app/esm.mjs?modspace=a', 'esm import')).not.toThrow()
    expect(() => pairing.check('/app/esm.mjs?modspace=a', 'cjs require')).toThrow(/MODSPACE_UNSUPPORTED_BUNDLER.*for a require that modspace decided as an import/)
    expect(() => pairing.check('/app/other.js', 'cjs require')).not.toThrow()
  })
})
