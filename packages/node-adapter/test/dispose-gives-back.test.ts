import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { setTimeout as sleep } from 'node:timers/promises'
import v8 from 'node:v8'
import vm from 'node:vm'
import { ErrorCodes } from '@modspace/core'
import { afterAll, describe, expect, it } from 'vitest'
import { createSpaces, type Spaces } from '../src/index.js'

// `gc` without a command-line flag: the flag set at run time applies to contexts made after it.
v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc') as () => void

/** Each space has its own tree: an entry requiring `modules - 1` files of its own dependency. */
function makeTree(spaces: number, modules: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'modspace-dispose-'))
  const config: Record<string, { root: string }> = {}
  writeFileSync(join(dir, 'package.json'), '{"name":"host","version":"1.0.0"}')
  for (let i = 0; i < spaces; i++) {
    const root = join(dir, `s${i}`)
    mkdirSync(join(root, 'node_modules/dep/lib'), { recursive: true })
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: `s${i}`, version: '1.0.0' }))
    writeFileSync(join(root, 'node_modules/dep/package.json'), '{"name":"dep","version":"1.0.0"}')
    const requires: string[] = []
    for (let j = 0; j < modules - 1; j++) {
      writeFileSync(join(root, `node_modules/dep/lib/m${j}.js`), `module.exports = { id: ${j}, text: ${JSON.stringify(`module ${j} of space ${i} `.repeat(8))} }\n`)
      requires.push(`require('dep/lib/m${j}.js')`)
    }
    writeFileSync(join(root, 'index.js'), `module.exports = [${requires.join(',\n')}]\n`)
    config[`s${i}`] = { root: `./s${i}` }
  }
  writeFileSync(join(dir, 'modspace.config.json'), JSON.stringify({ spaces: config }))
  return dir
}

async function heapAfterGc(): Promise<number> {
  // Finalizers and WeakRefs settle between turns: collect over a few of them.
  for (let i = 0; i < 4; i++) {
    gc()
    await sleep(5)
  }
  return process.memoryUsage().heapUsed
}

const dirs: string[] = []
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

/** Loads every space's entry; registers each space's resolution answers and compiled files with `registry`. */
async function loadAll(dir: string, registry?: FinalizationRegistry<string>): Promise<Spaces> {
  const spaces = await createSpaces(join(dir, 'modspace.config.json'))
  for (const space of spaces) {
    space.require('./index.js')
    if (!registry) continue
    registry.register(spaces.graph.resolve({ space: space.name, specifier: 'dep/lib/m0.js' }), `${space.name} answer`)
    registry.register(space.runtime.compiled(join(space.root, 'node_modules/dep/lib/m0.js')), `${space.name} compiled`)
  }
  return spaces
}

describe('dispose() gives back what the space took, while the Spaces object is still referenced', () => {
  it('lets the answers and compiled files of disposed spaces go, and keeps those of live ones', async () => {
    const dir = makeTree(4, 20)
    dirs.push(dir)
    const freed = new Set<string>()
    const registry = new FinalizationRegistry<string>((what) => freed.add(what))
    const spaces = await loadAll(dir, registry)
    await spaces.get('s0').dispose()
    await spaces.get('s1').dispose()
    await heapAfterGc()
    expect([...freed].sort()).toEqual(['s0 answer', 's0 compiled', 's1 answer', 's1 compiled'])
    // The live spaces still answer, and from what they remembered.
    expect(spaces.get('s2').require('./index.js')).toHaveLength(19)
    await spaces.dispose()
    await heapAfterGc()
    expect(freed.size).toBe(8)
    expect(spaces.graph.spaces.size).toBe(5)
  }, 60_000)

  it('brings the heap back near where it was before the spaces were made', () => {
    const dir = makeTree(40, 60)
    const warmUp = makeTree(2, 60)
    dirs.push(dir, warmUp)
    const probe = fileURLToPath(new URL('./dispose-heap-probe.mjs', import.meta.url))
    const out = execFileSync(process.execPath, ['--expose-gc', probe, warmUp, dir], { encoding: 'utf8' })
    const { before, loaded, after, disposed } = JSON.parse(out) as { before: number; loaded: number; after: number; disposed: boolean }
    // Loading took megabytes; what stays with the Spaces object referenced is a small part of it.
    expect(loaded - before).toBeGreaterThan(4 * 2 ** 20)
    expect((after - before) / (loaded - before)).toBeLessThan(0.15)
    expect(disposed).toBe(true)
  }, 120_000)
})

describe('a disposed space refuses every use', () => {
  it.each([
    ['resolve', (spaces: Spaces) => spaces.get('s0').resolve('dep/lib/m0.js'), 'cannot resolve "dep/lib/m0.js" in space "s0"'],
    ['override', (spaces: Spaces) => spaces.get('s0').override('dep', {}), 'cannot override "dep" in space "s0"'],
    ['run', (spaces: Spaces) => spaces.get('s0').run(() => 1), 'cannot run a function in space "s0"'],
    ['require', (spaces: Spaces) => spaces.get('s0').require('./index.js'), 'cannot load "./index.js" from space "s0"'],
  ])('%s throws MODSPACE_DISPOSED', async (_name, use, message) => {
    const dir = makeTree(1, 2)
    dirs.push(dir)
    const spaces = await loadAll(dir)
    await spaces.dispose()
    expect(() => use(spaces)).toThrow(expect.objectContaining({ code: ErrorCodes.DISPOSED, space: 's0', message: expect.stringContaining(message) }))
  })
})
