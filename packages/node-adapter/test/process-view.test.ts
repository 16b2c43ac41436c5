import { EventEmitter } from 'node:events'
import fs from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createSpaces, type Spaces } from '../src/index.js'
import { fixture } from './fixture-path.js'

// Space "app" overrides node:fs and blocks node:child_process (test/fixtures/doors).
const doors = fixture('doors')
let spaces: Spaces
afterEach(async () => {
  await spaces?.dispose()
})

async function app() {
  spaces = await createSpaces(join(doors, 'modspace.config.json'))
  return spaces.get('app')
}

describe("process in a space is the space's view", () => {
  it('getBuiltinModule honours the overrides and blocks of the space, in CommonJS and ES modules', async () => {
    const space = await app()
    const cjs = space.require('./process-doors.cjs')
    const esm = await space.import('./process-doors.mjs')
    for (const builtin of [cjs.builtin, esm.builtin, esm.named]) {
      expect(builtin('fs')).toEqual({ fake: 'fs' })
      expect(builtin('node:fs')).toEqual({ fake: 'fs' })
      expect(() => builtin('child_process')).toThrow(expect.objectContaining({ code: 'MODSPACE_BLOCKED' }))
      expect(builtin('node:os')).toBe(os)
      expect(builtin('no-such-builtin')).toBeUndefined()
      expect(builtin('module')).toBe(space.require('module'))
    }
    expect(() => cjs.builtin(1)).toThrow(expect.objectContaining({ code: 'ERR_INVALID_ARG_TYPE' }))
  })

  it("is one object for the free name, require('process') and import process from 'node:process'", async () => {
    const space = await app()
    expect(space.require('./process-doors.cjs').sameAsRequired).toBe(true)
    expect((await space.import('./process-doors.mjs')).sameAsImported).toBe(true)
    expect(space.require('process')).toBe(space.require('node:process'))
    expect((await space.import('node:process')).default).toBe(space.require('process'))
  })

  it("mainModule is the module runMain started, whose require loads through the space; else undefined", async () => {
    const space = await app()
    expect(space.require('./process-doors.cjs').mainModule()).toBeUndefined()
    expect((await space.import('./process-doors.mjs')).mainModule()).toBeUndefined()
    const main = await space.runMain('./main.cjs')
    expect(main.isMain).toBe(true)
    expect(main.depThroughMain).toBe(space.require('dep'))
    expect(space.require('./process-doors.cjs').mainModule()).toBe(space.mainModule)
  })

  it('reads and writes the one real process: env, exitCode, listeners, EventEmitter', async () => {
    const space = await app()
    const doorsModule = space.require('./process-doors.cjs')
    expect(doorsModule.isEmitter).toBe(true)
    doorsModule.setEnv('MODSPACE_VIEW_TEST', 'set in a space')
    expect(process.env.MODSPACE_VIEW_TEST).toBe('set in a space')
    delete process.env.MODSPACE_VIEW_TEST
    const exitCode = process.exitCode
    doorsModule.setExitCode(3)
    expect(process.exitCode).toBe(3)
    process.exitCode = exitCode
    const listener = () => {}
    doorsModule.listen('modspace-view-test', listener)
    expect(process.listeners('modspace-view-test' as 'exit')).toContain(listener)
    process.off('modspace-view-test' as 'exit', listener)
    expect(doorsModule.argv()).toBe(process.argv)
    expect(process).toBeInstanceOf(EventEmitter)
  })

  it('leaves globalThis.process the host one (documented in docs/runtime.md and docs/security.md)', async () => {
    const space = await app()
    const doorsModule = space.require('./process-doors.cjs')
    expect(doorsModule.isGlobal).toBe(false)
    expect(doorsModule.globalBuiltin('fs')).toBe(fs)
  })

  it('compiles a module that declares its own top-level process', async () => {
    const space = await app()
    expect(space.require('./own-process.cjs')).toEqual({ own: true })
    expect((await space.import('./own-process.mjs')).default).toEqual({ own: true })
  })
})
