import modspace from '@modspace/rollup-plugin'
import { VERSION } from 'rollup'
import type { NormalizedInputOptions, PluginContext } from 'rollup'
import { expect, it } from 'vitest'

/** buildStart with a context that reports `rollupVersion`, failing as `this.error` does. */
async function buildStartWith(rollupVersion: string): Promise<void> {
  const plugin = modspace({ config: { spaces: {} } })
  const context = {
    meta: { rollupVersion, watchMode: false },
    error: (error: unknown) => {
      throw error
    },
    warn: () => {},
    addWatchFile: () => {},
  } as unknown as PluginContext
  const hook = plugin.buildStart as (this: PluginContext, options: NormalizedInputOptions) => Promise<void>
  await hook.call(context, { plugins: [plugin], input: [] } as unknown as NormalizedInputOptions)
}

// Rollup 3 cannot be installed beside 4 here, so the one hook is called with the version an older Rollup reports.
it('buildStart refuses a rollup outside the peer range, naming both', async () => {
  await expect(buildStartWith('3.29.4')).rejects.toThrow('needs rollup ^4.0.0, but this is rollup 3.29.4')
  await expect(buildStartWith('3.29.4')).rejects.toMatchObject({ code: 'MODSPACE_UNSUPPORTED_BUNDLER', plugin: 'modspace', expected: 'rollup ^4.0.0', fix: 'install a rollup in that range' })
  await expect(buildStartWith(VERSION)).resolves.toBeUndefined()
})

it('under rolldown, its own version is checked against the rolldown peer range', async () => {
  const plugin = modspace({ config: { spaces: {} } })
  const context = {
    meta: { rollupVersion: '4.23.0', rolldownVersion: '0.15.0', watchMode: false },
    error: (error: unknown) => {
      throw error
    },
  } as unknown as PluginContext
  const hook = plugin.buildStart as (this: PluginContext, options: NormalizedInputOptions) => Promise<void>
  await expect(hook.call(context, { plugins: [plugin], input: [] } as unknown as NormalizedInputOptions)).rejects.toMatchObject({
    code: 'MODSPACE_UNSUPPORTED_BUNDLER',
    message: expect.stringContaining('needs rolldown ^1.2.0, but this is rolldown 0.15.0'),
  })
})
