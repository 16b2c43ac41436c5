import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createSpaces, type Spaces } from '../src/index.js'
import { fixture } from './fixture-path.js'

const config = join(fixture('tree'), 'modspace.config.json')
let spaces: Spaces
afterEach(async () => {
  await spaces?.dispose()
})

describe('overrides', () => {
  it('applies a config override to the space that declares it and its descendants only', async () => {
    spaces = await createSpaces(config)
    expect(spaces.get('plugin-b').require('./index.js').os).toBe('fake-os')
    expect((await spaces.get('plugin-b-child').import('./index.mjs')).platform).toBe('fake-os')
    expect((await spaces.get('plugin-a').import('./index.js')).os).toBe(process.platform)
  })

  it('gives a live object to the space and its children, and to nobody else', async () => {
    spaces = await createSpaces(config)
    const fakeOs = { platform: () => 'live-os' }
    spaces.get('base').override('node:os', fakeOs)
    const a = await spaces.get('plugin-a').import('./index.js')
    expect(a.os).toBe('live-os')
    // plugin-b declares its own override of node:os in the config: the nearer one wins.
    expect(spaces.get('plugin-b').require('./index.js').os).toBe('fake-os')
    expect(spaces.get('root').require('node:os')).not.toBe(fakeOs)
    expect(spaces.get('plugin-a').require('os')).toBe(fakeOs)
    const ns = await spaces.get('plugin-a').import('os')
    expect(ns.default).toBe(fakeOs)
    expect(ns.platform()).toBe('live-os')
  })

  it('keeps a live override of a package inside the space', async () => {
    spaces = await createSpaces(config)
    const fake = { token: {} }
    spaces.get('plugin-a').override('common-lib', fake)
    expect(spaces.get('plugin-a').require('common-lib')).toBe(fake)
    expect(spaces.get('plugin-b').require('common-lib')).not.toBe(fake)
  })
})
