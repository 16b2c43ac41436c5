import { createRequire, builtinModules, isBuiltin } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { createSpaces, type Spaces } from '../src/index.js'
import { fixture } from './fixture-path.js'

// A space "app" with its own `dep`, `node:fs` overridden and `node:child_process` blocked; a space "other" with
// another `dep`. Every door `node:module` opens must lead to the space, never to the host's loader.
const doors = fixture('doors')
const hostRequire = createRequire(import.meta.url)
const appDep = join(doors, 'app/node_modules/dep/index.js')
let spaces: Spaces
afterEach(async () => {
  await spaces?.dispose()
  delete hostRequire.cache[appDep]
})

async function app() {
  spaces = await createSpaces(join(doors, 'modspace.config.json'))
  return spaces.get('app')
}

describe("node:module in a space is the space's view", () => {
  it('createRequire(import.meta.url) in an ES module loads the space instance, not a host one', async () => {
    const space = await app()
    const ns = await space.import('./create-require.mjs')
    expect(ns.dep).toEqual({ from: 'app' })
    expect(ns.dep).toBe(space.require('dep'))
    expect(hostRequire.cache[appDep]).toBeUndefined()
    expect(await ns.viaDynamic()).toBe(ns.dep)
    expect(ns.pkg.name).toBe('app')
    // `import Module`, `import * as` and the named export are one view.
    expect(ns.sameModule).toBe(true)
  })

  it("a createRequire of another space's file loads through that space", async () => {
    const space = await app()
    const ns = await space.import('./create-require.mjs')
    const other = ns.otherLib(pathToFileURL(join(doors, 'other/lib.js')))
    expect(other).toEqual({ from: 'other' })
    expect(other).toBe(spaces.get('other').require('dep'))
  })

  it('a createRequire of a file beside the module, in a root two spaces share, loads through the calling space', async () => {
    await app()
    const twin = spaces.get('app-twin')
    const dep = twin.require('./module-doors.cjs').requireBeside('dep')
    expect(dep).toBe(twin.require('dep'))
    expect(dep).not.toBe(spaces.get('app').require('dep'))
  })

  it('createRequire honours the overrides and blocks of the space, from its files and from a file of no space', async () => {
    const space = await app()
    const doorsModule = space.require('./module-doors.cjs')
    expect(doorsModule.fsThroughCreateRequire()).toEqual({ fake: 'fs' })
    expect(() => doorsModule.fromSlash('node:child_process')).toThrow(expect.objectContaining({ code: 'MODSPACE_BLOCKED' }))
    expect(doorsModule.fromSlash('fs')).toEqual({ fake: 'fs' })
  })

  it('Module._load and _resolveFilename resolve in the space; _cache is its require.cache', async () => {
    const space = await app()
    const doorsModule = space.require('./module-doors.cjs')
    expect(() => doorsModule.load('child_process')).toThrow(expect.objectContaining({ code: 'MODSPACE_BLOCKED' }))
    expect(doorsModule.load('fs')).toEqual({ fake: 'fs' })
    expect(doorsModule.loadFromHere('dep')).toBe(space.require('dep'))
    expect(doorsModule.resolveFromHere('dep')).toBe(appDep)
    expect(doorsModule.resolveFromHere('os')).toBe('os')
    expect(doorsModule.isOwnCache).toBe(true)
    expect(doorsModule.Module._cache).toBe(space.requireCache)
    expect(hostRequire.cache[appDep]).toBeUndefined()
  })

  it('is one view for require("module") and require("node:module"); the rest is as in Node', async () => {
    const space = await app()
    const { Module, nodeModule, isModule } = space.require('./module-doors.cjs')
    expect(nodeModule).toBe(Module)
    expect(Module.Module).toBe(Module)
    expect(isModule).toBe(true)
    expect(Module.builtinModules).toEqual(builtinModules)
    expect(Module.isBuiltin('node:fs')).toBe(isBuiltin('node:fs'))
    expect(Module.wrap('x')).toBe(hostRequire('node:module').wrap('x'))
    expect(Object.keys(Module).sort()).toEqual(Object.keys(hostRequire('node:module')).sort())
  })

  it("createRequire and findPackageJSON follow the space's delegation, not Node's lookup from the file", async () => {
    await app()
    // Space "plugin" delegates parent-first to "app": Node's own lookup would find ./node_modules/dep (3.0.0).
    const ns = await spaces.get('plugin').import('./uses-dep.mjs')
    expect(ns.dep).toBe(spaces.get('app').require('dep'))
    expect(ns.depPackageJson).toBe(join(doors, 'app/node_modules/dep/package.json'))
    expect((await spaces.get('app').import('./create-require.mjs')).findDep()).toBe(join(doors, 'app/node_modules/dep/package.json'))
  })

  it('a Module made by hand compiles with a require that loads through the space', async () => {
    const space = await app()
    const exported = space.require('./module-doors.cjs').compiled("module.exports = [require('dep'), require('fs')]")
    expect(exported[0]).toBe(space.require('dep'))
    expect(exported[1]).toEqual({ fake: 'fs' })
  })

  it('refuses loader hooks, which would change the host loader for everyone', async () => {
    const space = await app()
    const doorsModule = space.require('./module-doors.cjs')
    expect(() => doorsModule.register()).toThrow(expect.objectContaining({ code: 'MODSPACE_HOST_LOADER_HOOK', space: 'app' }))
    expect(() => doorsModule.registerHooks()).toThrow(/MODSPACE_HOST_LOADER_HOOK.*registerHooks\(\) was called from space "app"/)
  })
})
