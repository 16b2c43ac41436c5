import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ModspaceError } from '@modspace/core'
import { ModuleSpace, createSpaces } from '../src/index.js'
import { fixture } from './fixture-path.js'

const dir = fixture('errors')

async function failure(promise: Promise<unknown>): Promise<ModspaceError> {
  const error = await promise.then(() => undefined, (e: unknown) => e)
  expect(error).toBeInstanceOf(ModspaceError)
  return error as ModspaceError
}

describe('errors', () => {
  it('names the space, the importer, the specifier and the core trace when an import cannot be resolved', async () => {
    const spaces = await createSpaces(dir)
    const error = await failure(spaces.get('app').import('./imports-missing.js'))
    expect(error.code).toBe('MODSPACE_NOT_FOUND')
    expect(error.space).toBe('app')
    expect(error.importer).toBe(join(dir, 'app/imports-missing.js'))
    expect(error.specifier).toBe('missing-pkg')
    expect(error.message).toContain('"missing-pkg"')
    expect(error.message).toContain(`importer: ${join(dir, 'app/imports-missing.js')}`)
    expect(error.message).toMatch(/trace:\n {4}\[app\] /)
  })

  it('fails a blocked import at load time with MODSPACE_BLOCKED', async () => {
    const spaces = await createSpaces(dir)
    const error = await failure(spaces.get('app').import('./blocked.js'))
    expect(error.code).toBe('MODSPACE_BLOCKED')
    expect(error.message).toContain('"node:child_process"')
    expect(error.message).toContain('spaces.app.overrides')
    // The same wording as the bundler plugins' (the core's blockedImportError), plus the trace.
    expect(error.summary).toMatch(/^"node:child_process" is blocked in space "app" \(an override in "app" is false\)\.\n {2}trace:\n/)
    expect(error.fix).toContain('stand-in file in spaces.app.overrides')
    expect(error.importer).toBe(join(dir, 'app/blocked.js'))
  })

  it('throws config errors from createSpaces, before any module can run', async () => {
    const error = await failure(createSpaces({ spaces: { app: { root: './app', parent: 'nowhere' } } }, { cwd: dir }))
    expect(error.code).toBe('MODSPACE_UNKNOWN_PARENT')
    expect(error.configPath).toBe('spaces.app.parent')
  })

  it('refuses to load from a disposed space, and a fresh set of spaces loads cleanly', async () => {
    const spaces = await createSpaces(dir)
    const app = spaces.get('app')
    await spaces.dispose()
    const error = await failure(app.import('./blocked.js'))
    expect(error.code).toBe('MODSPACE_DISPOSED')
    expect(error).toMatchObject({ space: 'app', specifier: './blocked.js' })
    expect(error.message.split('\n')).toEqual([
      '[MODSPACE_DISPOSED] cannot load "./blocked.js" from space "app": the space has been disposed.',
      '  expected: a space that has not been disposed',
      '  fix: create the spaces again (createSpaces(), or a new ModuleSpace for an ad hoc space) and load from the new space',
    ])
    expect(() => app.require('node:fs')).toThrow('[MODSPACE_DISPOSED] cannot load "node:fs" from space "app"')
    const again = await createSpaces(dir)
    expect(again.get('app').require('node:path')).toBe(process.getBuiltinModule('node:path'))
  })

  it('refuses to load from a disposed ad hoc space with the same code', async () => {
    const space = new ModuleSpace({ parent: undefined, root: join(dir, 'app'), delegation: 'self-first', name: 'scratch' })
    await space.dispose()
    expect(space.disposed).toBe(true)
    const error = await failure(space.import('./blocked.js'))
    expect(error).toMatchObject({ code: 'MODSPACE_DISPOSED', space: 'scratch', specifier: './blocked.js' })
  })

  it('reports an unknown space with a suggestion', async () => {
    const spaces = await createSpaces(dir)
    expect(() => spaces.get('ap')).toThrow(/did you mean "app"/)
  })
})
