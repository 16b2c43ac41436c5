import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Worker } from 'node:worker_threads'
import { makeTempDir } from '@modspace/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
// The built package: a worker loads the adapter's compiled worker entry, which exists only in dist.
import { createSpaces, ModuleSpace, type Spaces } from '@modspace/node-adapter'
import { fixture } from './fixture-path.js'

// Space "app" overrides node:fs and blocks node:child_process (test/fixtures/doors).
const doors = fixture('doors')
let spaces: Spaces | undefined
afterEach(async () => {
  await spaces?.dispose()
  spaces = undefined
})

function firstMessage(worker: Worker): Promise<unknown> {
  return new Promise((resolve, reject) => {
    worker.once('message', resolve)
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`the worker exited (${code}) before it reported`)))
  })
}

describe('space.worker()', () => {
  it("runs a CommonJS entry in the same space, remade from the config: the space's rules hold in the thread", async () => {
    spaces = await createSpaces(join(doors, 'modspace.config.json'))
    const worker = spaces.get('app').worker('./report-worker.cjs', { workerData: { job: 1 } })
    expect(await firstMessage(worker)).toEqual({ childProcess: 'MODSPACE_BLOCKED', fs: 'fake', dep: 'app', workerData: { job: 1 } })
  })

  it('runs an ES module entry as the main module, from a config object too', async () => {
    const config = { spaces: { app: { root: './app', overrides: { 'node:fs': './overrides/fake-fs.cjs', 'node:child_process': false as const } } } }
    spaces = await createSpaces(config, { cwd: doors })
    const worker = spaces.get('app').worker(join(doors, 'app/report-worker.mjs'))
    expect(await firstMessage(worker)).toEqual({ childProcess: 'MODSPACE_BLOCKED', fs: 'fake', workerData: null, main: true })
  })

  it("keeps the compile cache where the spaces' `cache` option says", async () => {
    const temp = makeTempDir('modspace-worker-cache-')
    try {
      spaces = await createSpaces(join(doors, 'modspace.config.json'), { cache: { dir: temp.dir } })
      const worker = spaces.get('app').worker('./report-worker.cjs')
      await firstMessage(worker)
      await new Promise((resolve) => worker.once('exit', resolve))
      expect(readdirSync(temp.dir).length).toBeGreaterThan(0)
    } finally {
      temp.cleanup()
    }
  })

  it('works for an ad hoc space', async () => {
    const space = new ModuleSpace({ root: join(doors, 'app'), overrides: { 'node:child_process': false } })
    const worker = space.worker(new URL(`file://${join(doors, 'app/report-worker.cjs')}`))
    expect(await firstMessage(worker)).toMatchObject({ childProcess: 'MODSPACE_BLOCKED', fs: 'real' })
  })

  it("reports an entry that throws as the worker's error", async () => {
    spaces = await createSpaces(join(doors, 'modspace.config.json'))
    const worker = spaces.get('app').worker('./no-such-entry.cjs')
    await expect(firstMessage(worker)).rejects.toMatchObject({ code: 'MODSPACE_NOT_FOUND' })
  })
})
