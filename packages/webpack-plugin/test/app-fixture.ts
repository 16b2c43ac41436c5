import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { tokenOf } from '@modspace/test-utils'
import { expect } from 'vitest'
import { loadEntry } from './run-webpack.js'

/** test/fixtures/app: a host and four spaces (see its modspace.config.json). */
export const APP = fileURLToPath(new URL('fixtures/app', import.meta.url))
export const APP_CONFIG = join(APP, 'modspace.config.json')

/**
 * Loads the host and every space entry of a build of the app into this process and checks every instance relation
 * the config implies, through the exported tokens (never namespace objects: production gives each importer its own).
 */
export async function expectAppInstances(outDir: string): Promise<void> {
  const host = loadEntry(outDir, 'host')
  const alpha = loadEntry(outDir, 'alpha/main')
  const twin = loadEntry(outDir, 'alpha-twin/main')
  const child = loadEntry(outDir, 'alpha-child/main')
  const beta = loadEntry(outDir, 'beta/main')
  const t = tokenOf

  // root-owned: one instance for the host and every space that delegates to root.
  expect(t(alpha.sharedLib)).toBeDefined()
  expect(t(alpha.sharedLib)).toBe(t(host.sharedLib))
  expect(t(twin.sharedLib)).toBe(t(host.sharedLib))
  // beta's range excludes root's 1.0.0: its own 2.0.0.
  expect(beta.sharedLib.version).toBe('2.0.0')
  expect(t(beta.sharedLib)).not.toBe(t(host.sharedLib))
  // The same file owned by two spaces is two instances; reached through a common ancestor, one.
  expect(t(alpha.ownLib)).toBeDefined()
  expect(t(twin.ownLib)).not.toBe(t(alpha.ownLib))
  expect(t(child.ownLib)).toBe(t(alpha.ownLib))
  // alpha's override of node:os is seen by its descendant, not by its sibling.
  expect(alpha.os.stub).toBe(true)
  expect(t(child.os)).toBe(t(alpha.os))
  expect(twin.os.stub).toBeUndefined()
  expect(typeof twin.os.cpus).toBe('function')
  // The pinned native package loads once for the whole process.
  expect(t(alpha.nativeBinding)).toBe(t(beta.nativeBinding))
  expect((globalThis as { __fakeNativeLoads?: number }).__fakeNativeLoads).toBe(1)
  // A dynamic import keeps the space of its importer.
  const [lazyAlpha, lazyTwin] = await Promise.all([alpha.loadLazy(), twin.loadLazy()])
  expect(t(lazyAlpha.ownLib)).toBe(t(alpha.ownLib))
  expect(t(lazyTwin.ownLib)).toBe(t(twin.ownLib))
}

export function readManifest(outDir: string, name = 'modspace-manifest.json'): { bundler: string; modules: Array<{ space: string; id: string; kind: string }> } {
  return JSON.parse(readFileSync(join(outDir, name), 'utf8'))
}

/** test/fixtures/parity-app: CommonJS requiring a native and a builtin, a re-export-only module, import(), top-level await, two self-first spaces over one root. */
export const PARITY_APP = fileURLToPath(new URL('fixtures/parity-app', import.meta.url))

type Manifest = ReturnType<typeof readManifest>

/** What two bundlers' manifests must agree on, line by line: the instance (space, file), its kind and its package. */
export function instances(manifest: Manifest): string[] {
  return manifest.modules.map((m: Manifest['modules'][number] & { package?: { name: string; version: string } }) =>
    `${m.space} ${m.kind} ${m.id}${m.package ? ` ${m.package.name}@${m.package.version}` : ''}`,
  )
}
