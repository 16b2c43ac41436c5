import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { currentSpace, ModuleSpace } from '../src/index.js'
import { fixture } from './fixture-path.js'

const root = fixture('semantics')
const spaces: ModuleSpace[] = []
afterEach(async () => {
  for (const space of spaces.splice(0)) await space.dispose()
})
function make(name: string): ModuleSpace {
  const space = new ModuleSpace({ parent: undefined, root, delegation: 'self-first', name })
  spaces.push(space)
  return space
}

describe('runMain', () => {
  it('runs a CommonJS file as require.main with its own process.argv, then restores argv', async () => {
    const argv = process.argv
    const main = await make('cli').runMain('./main.cjs', { argv: ['--port', '0'] })
    expect(main.isMain).toBe(true)
    expect(main.argv).toEqual([process.execPath, `${root}/main.cjs`, '--port', '0'])
    expect(process.argv).toBe(argv)
  })

  it('runs an ES module with import.meta.main', async () => {
    const main = await make('cli').runMain('main.mjs', { argv: ['x'] })
    expect(main.isMain).toBe(true)
    expect(main.argv.slice(1)).toEqual([`${root}/main.mjs`, 'x'])
  })
})

describe('run and currentSpace', () => {
  it('keeps the space of the work that was started in it, across awaits and timers', async () => {
    const a = make('a')
    const b = make('b')
    const seen = await Promise.all([
      a.run(async () => {
        await sleep(5)
        return currentSpace()?.name
      }),
      b.run(() => new Promise((resolve) => setTimeout(() => resolve(currentSpace()?.name), 1))),
    ])
    expect(seen).toEqual(['a', 'b'])
    expect(currentSpace()).toBeUndefined()
  })
})
