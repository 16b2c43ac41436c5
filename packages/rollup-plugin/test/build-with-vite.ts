import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import modspace, { type ModspaceRollupOptions } from '@modspace/rollup-plugin'
import { build, type PluginOption } from 'vite'

/**
 * One real `vite build` of `input` with the built Rollup plugin, as a user would list it in `plugins`: the client
 * build, or the SSR build (`ssr`). Entry exports are kept and the module-preload helper (which needs a `document`) is
 * off, so that the outputs can be imported by Node to compare instances; `ssrEmitAssets` keeps the manifest of an SSR
 * build (Vite drops an SSR build's assets otherwise).
 */
export async function buildWithVite(root: string, input: Record<string, string> | string[], options: ModspaceRollupOptions, outDir: string, ssr: boolean): Promise<void> {
  await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [modspace(options) as unknown as PluginOption],
    build: {
      ssr,
      ssrEmitAssets: true,
      outDir,
      minify: false,
      modulePreload: false,
      rolldownOptions: { input, preserveEntrySignatures: 'exports-only', output: { entryFileNames: '[name].js' } },
    },
  })
}

export function readManifest(outDir: string): { bundler: string; modules: Array<{ space: string; id: string; kind: string }> } {
  return JSON.parse(readFileSync(join(outDir, 'modspace-manifest.json'), 'utf8'))
}
