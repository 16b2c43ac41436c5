import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createNodeHost } from '../src/node-host.js'
import { FileResolvers } from '../src/resolve/file-resolver.js'
import { createMemoHost } from '../src/resolve/memo-host.js'
import { nodeLookup } from '../src/resolve/node-lookup.js'
import { requestConditions } from '../src/resolve/request-conditions.js'

// The plain-case lookup answers without the full resolver, as Node does; on real packages that is also the full
// resolver's answer, compared here on every package installed in this repository (hundreds of real ones), as packages,
// as subpaths (files, and what `exports` names) and as folders. (The shapes where enhanced-resolve and Node differ are in docs/spec.md.)
const repo = resolve(import.meta.dirname, '../../..')
const modules = join(repo, 'node_modules')

function installed(): string[] {
  const names: string[] = []
  for (const entry of readdirSync(modules)) {
    if (entry.startsWith('.')) continue
    if (entry.startsWith('@')) for (const sub of readdirSync(join(modules, entry))) names.push(`${entry}/${sub}`)
    else names.push(entry)
  }
  return names
}

/** The subpaths a package's `exports` names (patterns left out). */
function exportedSubpaths(name: string): string[] {
  let manifest
  try {
    manifest = JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8'))
  } catch {
    return []
  }
  const exports = manifest?.exports
  if (!exports || typeof exports !== 'object' || Array.isArray(exports)) return []
  return Object.keys(exports).filter((key) => key.startsWith('./') && !key.includes('*')).map((key) => `${name}${key.slice(1)}`)
}

/** A few subpaths of each package: its first files and folders, with and without extensions. */
function subpaths(name: string): string[] {
  let entries
  try {
    entries = readdirSync(join(modules, name), { withFileTypes: true })
  } catch {
    return []
  }
  const out: string[] = []
  for (const entry of entries.slice(0, 12)) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
    if (entry.isDirectory()) out.push(`${name}/${entry.name}`)
    else if (/\.(js|json|cjs|mjs|node)$/.test(entry.name)) out.push(`${name}/${entry.name}`, `${name}/${entry.name.replace(/\.[^.]+$/, '')}`)
  }
  return out
}

describe('the plain-case lookup agrees with the full resolver', () => {
  const host = createMemoHost(createNodeHost())
  const files = new FileResolvers(host)
  const names = installed()
  const requests = [...names, ...names.flatMap(subpaths), ...names.flatMap(exportedSubpaths), ...names.map((name) => `./node_modules/${name}`), ...names.slice(0, 100).map((name) => `./node_modules/${name}/`)]

  it.each([
    ['require, unbounded', 'require', undefined],
    ['import, unbounded', 'import', undefined],
    ['require, bounded at the repository', 'require', repo],
    ['import, bounded at the repository', 'import', repo],
    ['require, from inside an installed package', 'require', undefined, join(modules, 'webpack/lib/util')],
  ] as const)('%s', (_label, kind, bound, from?: string) => {
    const conditions = requestConditions(['node'], kind)
    const fullySpecified = kind === 'import'
    const fromDir = from ?? bound ?? repo
    let answered = 0
    const disagreements: string[] = []
    for (const request of requests) {
      const plain = nodeLookup(host, bound, fromDir, request, conditions, fullySpecified)
      if (plain === null) continue
      answered++
      const full = files.resolve({ bound, conditions, fullySpecified }, fromDir, request).path
      if (full !== plain) disagreements.push(`${request}: full resolver ${full}, plain lookup ${plain}`)
    }
    expect(disagreements).toEqual([])
    // It must answer most of them, or it saves nothing.
    expect(answered).toBeGreaterThan(requests.length / 5)
  })

  it('answers a package naming itself through its own exports, as the full resolver', () => {
    const conditions = requestConditions(['node'], 'require')
    let answered = 0
    const disagreements: string[] = []
    for (const name of names.filter((name) => exportedSubpaths(name).length > 0)) {
      const fromDir = join(modules, name)
      for (const request of [name, ...exportedSubpaths(name)]) {
        const plain = nodeLookup(host, repo, fromDir, request, conditions, false)
        if (plain === null) continue
        answered++
        const full = files.resolve({ bound: repo, conditions, fullySpecified: false }, fromDir, request).path
        if (full !== plain) disagreements.push(`${request} from ${fromDir}: full resolver ${full}, plain lookup ${plain}`)
      }
    }
    expect(disagreements).toEqual([])
    expect(answered).toBeGreaterThan(50)
    // react-dom's server build requires 'react-dom' from inside react-dom.
    expect(nodeLookup(host, repo, join(modules, 'react-dom/cjs'), 'react-dom', conditions, false)).toBe(join(modules, 'react-dom/index.js'))
  })

  it('finds nothing above a bound, as the full resolver', () => {
    const bound = join(repo, 'packages/core')
    for (const name of names.slice(0, 50)) {
      expect(nodeLookup(host, bound, bound, name, ['node', 'require'], false)).toBeNull()
      expect(files.resolve({ bound, conditions: ['node', 'require'], fullySpecified: false }, bound, name).path).toBeUndefined()
    }
  })
})
