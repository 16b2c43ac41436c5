import { join } from 'node:path'
import { setImmediate as tick } from 'node:timers/promises'
import v8 from 'node:v8'
import vm from 'node:vm'
import { describe, expect, it } from 'vitest'
import { createSpaces } from '../src/index.js'
import { fixture } from './fixture-path.js'

// `gc` without a command-line flag: the flag set at run time applies to contexts made after it.
v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc') as () => void
const config = join(fixture('tree'), 'modspace.config.json')

async function collect(): Promise<void> {
  for (let i = 0; i < 6; i++) {
    gc()
    await tick()
  }
}

/**
 * One create/load/dispose cycle; registers the ESM and CommonJS instances the spaces made. `keep` holds on to the
 * disposed spaces, to show that `dispose()` itself lets go of the instances.
 */
async function cycle(registry?: FinalizationRegistry<string>, keep?: unknown[]): Promise<void> {
  const spaces = await createSpaces(config)
  keep?.push(spaces, spaces.get('plugin-a'), spaces.get('plugin-b'))
  const esm = await spaces.get('plugin-a').import('./index.js')
  const cjs = spaces.get('plugin-b').require('./index.js')
  if (registry) {
    registry.register(esm.ownToken, 'esm')
    registry.register(esm.cjs, 'cjs through esm')
    registry.register(cjs, 'cjs')
  }
  await spaces.dispose()
}

describe('dispose', () => {
  it('lets every module instance of a disposed space be collected (ESM and CommonJS)', async () => {
    const freed = new Map<string, number>()
    const registry = new FinalizationRegistry<string>((what) => freed.set(what, (freed.get(what) ?? 0) + 1))
    const kept: unknown[] = []
    for (let i = 0; i < 40; i++) await cycle(registry, kept)
    await collect()
    expect(Object.fromEntries(freed)).toEqual({ esm: 40, 'cjs through esm': 40, cjs: 40 })
    expect(kept).toHaveLength(120)
  }, 60_000)

  it('keeps the heap flat over hundreds of create/load/dispose cycles', async () => {
    for (let i = 0; i < 30; i++) await cycle()
    await collect()
    const baseline = process.memoryUsage().heapUsed
    for (let i = 0; i < 300; i++) await cycle()
    await collect()
    const after = process.memoryUsage().heapUsed
    expect((after - baseline) / baseline).toBeLessThan(0.05)
  }, 120_000)
})
