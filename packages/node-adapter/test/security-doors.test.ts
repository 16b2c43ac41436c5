import childProcess from 'node:child_process'
import { readFileSync } from 'node:fs'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createSpaces, type Spaces } from '../src/index.js'
import { fixture } from './fixture-path.js'

// Each door docs/security.md lists as open, walked through from space "app", which overrides node:fs and blocks
// node:child_process (test/fixtures/doors/app/open-doors.cjs). A space partitions modules; it is not a boundary.
const doors = fixture('doors')
const hostRequire = createRequire(import.meta.url)
let spaces: Spaces
afterEach(async () => {
  await spaces?.dispose()
})

async function openDoors() {
  spaces = await createSpaces(join(doors, 'modspace.config.json'))
  return spaces.get('app').require('./open-doors.cjs')
}

describe('the doors a space leaves open (docs/security.md)', () => {
  it('one realm: globals and built-in prototypes a space changes are the host’s', async () => {
    const open = await openDoors()
    open.setGlobal('__modspaceDoorTest', 'from a space')
    open.patchArrayPrototype('__modspaceDoorTest', 'from a space')
    try {
      expect((globalThis as Record<string, unknown>).__modspaceDoorTest).toBe('from a space')
      expect(([] as unknown as Record<string, unknown>).__modspaceDoorTest).toBe('from a space')
    } finally {
      delete (globalThis as Record<string, unknown>).__modspaceDoorTest
      delete (Array.prototype as unknown as Record<string, unknown>).__modspaceDoorTest
    }
  })

  it('globalThis.process is the host’s: its getBuiltinModule gives a blocked or overridden builtin', async () => {
    const open = await openDoors()
    expect(open.globalProcessBuiltin('node:child_process')).toBe(childProcess)
    expect(open.globalProcessBuiltin('node:fs')).toBe(fs)
  })

  it('code made from a string (Function, vm) runs with the host’s process', async () => {
    const open = await openDoors()
    expect(open.functionConstructor('node:child_process')).toBe(childProcess)
    expect(open.vmRunInThisContext('node:child_process')).toBe(childProcess)
    expect(open.indirectEval('node:child_process')).toBe(childProcess)
  })

  it('process.binding, dlopen, exit and chdir are the one process’s own', async () => {
    const internals = (process as unknown as { binding: unknown }).binding
    expect((await openDoors()).processInternals()).toEqual([internals, process.dlopen, process.exit, process.chdir])
    expect(typeof internals).toBe('function')
  })

  it('the file system is open by path, outside the space’s root too', async () => {
    // The override of node:fs only changes what `require('fs')` gives; a space without one reads any file.
    spaces = await createSpaces({ spaces: { reader: { root: './app' } } }, { cwd: doors })
    const open = spaces.get('reader').require('./open-doors.cjs')
    expect(open.readOutsideRoot()).toBe(readFileSync(join(doors, 'package.json'), 'utf8'))
  })

  it('require.extensions and Module._extensions are the host’s one object', async () => {
    const [extensions, moduleExtensions] = (await openDoors()).extensions()
    expect(extensions).toBe(hostRequire.extensions)
    expect(moduleExtensions).toBe(hostRequire('node:module')._extensions)
  })

  it('a module owned by root is one instance: what a space writes to it, the host and every space see', async () => {
    const open = await openDoors()
    const shared = hostRequire(join(doors, 'node_modules/host-shared/index.js'))
    open.writeShared('written by a space')
    try {
      expect(shared.setting).toBe('written by a space')
      expect(spaces.get('other').require('host-shared')).toBe(shared)
    } finally {
      shared.setting = 'as the host left it'
    }
  })

  it('process state is the one process’s: a space that changes directory changes it for the host', async () => {
    const open = await openDoors()
    const cwd = process.cwd()
    try {
      open.chdir(join(doors, 'app'))
      expect(process.cwd()).toBe(join(doors, 'app'))
    } finally {
      process.chdir(cwd)
    }
  })

  it('a plain new Worker(file) runs plain Node: the space’s blocks and overrides do not hold there', async () => {
    const report = await (await openDoors()).plainWorker(join(doors, 'app/report-worker.cjs'))
    expect(report).toMatchObject({ childProcess: 'function', fs: 'real' })
  })
})
