import fc from 'fast-check'
import type { ModspaceConfig, SpaceConfig } from '../../src/index.js'
import type { MemoryTree } from '../memory-host.js'

/** Plain packages; `nat` has a binding.gyp, so rule 5 (one owner per real path, the pin space) applies to it. */
export const PACKAGES = ['p', 'q', 'r', 'nat'] as const
export const PLAIN = ['p', 'q', 'r'] as const
export const NATIVE = 'nat'
const VERSIONS = ['1.0.0', '1.2.0', '2.0.0', '3.1.0']
const RANGES = ['^1.0.0', '^2.0.0', '>=1.2.0', '*', '~1.2.0', '<2']

type Package = (typeof PACKAGES)[number]
type Plain = (typeof PLAIN)[number]

/** One generated space, before it is laid out as files and config. */
interface SpaceSeed {
  parentSeed: number
  nested: boolean
  delegation: 'parent-first' | 'self-first'
  installed: Partial<Record<Package, string>>
  dependencies: Partial<Record<Package, string>>
  shared: Array<{ name: Plain; range: string | undefined }>
  sharedAsRecord: boolean
  isolated: Plain[]
  overrides: Partial<Record<Plain, 'file' | 'blocked' | 'specifier'>>
}

export interface Scenario {
  config: ModspaceConfig
  tree: MemoryTree
  /** Space name → its root folder (`root` included). */
  roots: Record<string, string>
  /** Space name → its parent (`undefined` for `root`). */
  parents: Record<string, string | undefined>
  /** The stand-in file each space's file override of a package points at. */
  standIns: Record<string, Partial<Record<Plain, string>>>
}

const versions = fc.record(Object.fromEntries(PACKAGES.map((p) => [p, fc.constantFrom(...VERSIONS)])) as Record<Package, fc.Arbitrary<string>>, { requiredKeys: [] })
const ranges = fc.record(Object.fromEntries(PACKAGES.map((p) => [p, fc.constantFrom(...RANGES)])) as Record<Package, fc.Arbitrary<string>>, { requiredKeys: [] })

const spaceSeed: fc.Arbitrary<SpaceSeed> = fc
  .record({
    parentSeed: fc.nat(),
    nested: fc.boolean(),
    delegation: fc.constantFrom('parent-first' as const, 'self-first' as const),
    installed: versions,
    dependencies: ranges,
    shared: fc.subarray([...PLAIN]).chain((names) => fc.tuple(...names.map((name) => fc.option(fc.constantFrom(...RANGES), { nil: undefined }).map((range) => ({ name, range }))))),
    sharedAsRecord: fc.boolean(),
    isolated: fc.subarray([...PLAIN]),
    // Most spaces override nothing, so that the rules after overrides (shared, delegation) are reached often.
    overrides: fc.oneof(
      { arbitrary: fc.constant({}), weight: 2 },
      { arbitrary: fc.record(Object.fromEntries(PLAIN.map((p) => [p, fc.constantFrom('file' as const, 'blocked' as const, 'specifier' as const)])) as Record<Plain, fc.Arbitrary<'file' | 'blocked' | 'specifier'>>, { requiredKeys: [] }), weight: 1 },
    ),
  })
  .map((seed) => ({ ...seed, isolated: seed.isolated.filter((name) => !seed.shared.some((s) => s.name === name)) }))

/** A space tree (depth, delegation, shared, isolated, overrides, native pin) over generated package trees. */
export const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    rootInstalled: versions,
    rootDependencies: ranges,
    spaces: fc.array(spaceSeed, { minLength: 1, maxLength: 5 }),
    pinSeed: fc.nat(),
    onConflict: fc.constantFrom('error' as const, 'warn' as const),
  })
  .map(({ rootInstalled, rootDependencies, spaces, pinSeed, onConflict }) => {
    const tree: MemoryTree = {}
    const roots: Record<string, string> = { root: '/w' }
    const parents: Record<string, string | undefined> = { root: undefined }
    const standIns: Scenario['standIns'] = {}
    const configSpaces: Record<string, SpaceConfig> = {}
    const names = spaces.map((_, i) => `s${i}`)
    layOut(tree, '/w', 'w', rootInstalled, rootDependencies)
    spaces.forEach((seed, i) => {
      const name = names[i]!
      // Only earlier spaces can be parents: no cycles, any depth up to the number of spaces.
      const parentIndex = seed.parentSeed % (i + 1)
      const parent = parentIndex === 0 ? 'root' : names[parentIndex - 1]!
      const root = seed.nested && parent !== 'root' ? `${roots[parent]}/plugins/${name}` : `/w/${name}`
      roots[name] = root
      parents[name] = parent
      layOut(tree, root, name, seed.installed, seed.dependencies)
      const overrides: Record<string, string | false> = {}
      standIns[name] = {}
      for (const [pkg, how] of Object.entries(seed.overrides) as Array<[Plain, 'file' | 'blocked' | 'specifier']>) {
        if (how === 'blocked') overrides[pkg] = false
        else if (how === 'specifier') overrides[pkg] = pkg === 'r' ? 'p' : 'r'
        else {
          const file = `/w/stand-ins/${name}-${pkg}.js`
          tree[file] = `module.exports = '${name} ${pkg}'`
          overrides[pkg] = `./stand-ins/${name}-${pkg}.js`
          standIns[name]![pkg] = file
        }
      }
      configSpaces[name] = {
        root: `.${root.slice('/w'.length)}`,
        ...(parent === 'root' ? {} : { parent }),
        delegation: seed.delegation,
        ...(seed.shared.length
          ? { shared: seed.sharedAsRecord ? Object.fromEntries(seed.shared.map((s) => [s.name, s.range ?? '*'])) : seed.shared.map((s) => s.name) }
          : {}),
        ...(seed.isolated.length ? { isolated: seed.isolated } : {}),
        ...(Object.keys(overrides).length ? { overrides } : {}),
      }
    })
    const pin = ['root', ...names][pinSeed % (names.length + 1)]!
    return { config: { spaces: configSpaces, native: { pin, onConflict } }, tree, roots, parents, standIns }
  })

/** A space's (or the host's) folder: its package.json with ranges, an index.js, and the packages installed in it. */
function layOut(tree: MemoryTree, root: string, name: string, installed: Partial<Record<Package, string>>, dependencies: Partial<Record<Package, string>>): void {
  tree[`${root}/package.json`] = JSON.stringify({ name, version: '1.0.0', dependencies })
  tree[`${root}/index.js`] = ''
  for (const [pkg, version] of Object.entries(installed)) {
    const dir = `${root}/node_modules/${pkg}`
    tree[`${dir}/package.json`] = JSON.stringify({ name: pkg, version })
    tree[`${dir}/index.js`] = `module.exports = '${pkg}@${version} in ${name}'`
    if (pkg === NATIVE) tree[`${dir}/binding.gyp`] = '{}'
  }
}

/** The spaces from `name` up to `root`. */
export function chainOf(s: Scenario, name: string): string[] {
  const chain = [name]
  for (let at = s.parents[name]; at !== undefined; at = s.parents[at]) chain.push(at)
  return chain
}
