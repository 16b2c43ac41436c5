import { basename, dirname, join } from 'node:path'
import type { NormalizedSpace } from '../config/normalize-config.js'
import { ErrorCodes, ModspaceError } from '../errors.js'
import type { MemoHost } from './memo-host.js'
import { parseBareSpecifier, specifierType } from './specifier.js'
import type { TraceStep } from './types.js'

/** One place a lookup tried, and the space whose rules tried it. */
export interface SearchedPlace {
  space: string
  place: string
}

/** What a failed `resolve()` gathered on the way: enough to say where it looked and why nothing fitted. */
export interface NotFoundFacts {
  specifier: string
  importer: string | undefined
  fullySpecified: boolean
  trace: TraceStep[]
  searched: SearchedPlace[]
  reasons: string[]
}

/** Why a bare lookup was confined, so that the fix names what would really help. */
export type Confinement = 'isolated' | 'shared' | undefined

/** Extensions Node's CommonJS loader (and bundlers) would have tried where an ESM import needs the full name. */
const GUESSES = ['.js', '.mjs', '.cjs', '.json', '/index.js', '/index.mjs']

/**
 * MODSPACE_NOT_FOUND, naming the space, the importer and every place searched grouped by the space that searched it.
 * It also names what is there but out of reach: a copy in a `node_modules` above the space's root (never visible to
 * the space), or the same path with an extension an ESM import must spell out.
 */
export function notFoundError(host: MemoHost, space: NormalizedSpace, facts: NotFoundFacts, confinement?: Confinement, why?: string): ModspaceError {
  const type = specifierType(facts.specifier)
  const name = type === 'bare' ? parseBareSpecifier(facts.specifier).name : undefined
  const hidden = name && space.parent !== undefined ? copiesAboveRoot(host, space.root, name) : []
  const completions = type === 'relative' && facts.fullySpecified && facts.importer ? completionsOf(host, join(dirname(facts.importer), facts.specifier), facts.specifier) : []
  // A package that is there but whose subpath (or `exports`) does not resolve needs another fix than "install it".
  const installed = name ? facts.searched.map((s) => s.place).find((place) => host.stat(place)?.isDirectory) : undefined
  const reasons = [...new Set(facts.reasons)]
  const summary =
    `cannot find "${facts.specifier}" in space "${space.name}".` +
    (why ? ` ${why}.` : '') +
    (reasons.length ? `\n  the resolver said: ${reasons.join('; ')}` : '') +
    formatPlaces(facts.searched) +
    (hidden.length
      ? `\n  present but out of reach (node_modules above the root of "${space.name}" are never searched by it):\n${hidden.map((p) => `    - ${p}`).join('\n')}`
      : '')
  return new ModspaceError(ErrorCodes.NOT_FOUND, summary, {
    space: space.name,
    specifier: facts.specifier,
    ...(facts.importer ? { importer: facts.importer } : {}),
    expected: 'a file or an installed package',
    fix: installed ? installedFix(host, installed, facts) : name ? bareFix(space, name, confinement) : pathFix(completions, facts.fullySpecified),
    trace: facts.trace,
  })
}

function bareFix(space: NormalizedSpace, name: string, confinement: Confinement): string {
  if (confinement === 'isolated') {
    return `install "${name}" under ${space.root} (it is isolated in "${space.name}": no other space's copy is used), or remove it from spaces.${space.name}.isolated`
  }
  if (confinement === 'shared') {
    return `install "${name}" where "${space.parent}" resolves it (it is shared in "${space.name}": only the parent's copy is used), or remove it from spaces.${space.name}.shared`
  }
  return `install "${name}" under ${space.root}${space.parent ? ` or where "${space.parent}" resolves it` : ''}, or add an override`
}

function installedFix(host: MemoHost, installed: string, facts: NotFoundFacts): string {
  const { name, subpath } = parseBareSpecifier(facts.specifier)
  const completions = subpath && facts.fullySpecified ? completionsOf(host, installed + subpath, facts.specifier) : []
  return `${name} is installed at ${installed} but ${subpath ? `"${subpath.slice(1)}"` : 'its entry point'} does not resolve in it` +
    (completions.length ? `; ESM imports need the full file name: did you mean ${quoteAll(completions)}?` : ': check its "exports" and files')
}

function pathFix(completions: string[], fullySpecified: boolean): string {
  if (completions.length) return `ESM imports need the full file name: did you mean ${quoteAll(completions)}?`
  return fullySpecified ? 'check the path and its extension (ESM imports need the full file name)' : 'check the path'
}

function quoteAll(values: string[]): string {
  return values.map((v) => `"${v}"`).join(' or ')
}

function formatPlaces(searched: SearchedPlace[]): string {
  if (searched.length === 0) return ''
  const bySpace = new Map<string, Set<string>>()
  for (const { space, place } of searched) {
    if (!bySpace.has(space)) bySpace.set(space, new Set())
    bySpace.get(space)!.add(place)
  }
  const groups = [...bySpace].map(([space, places]) => `    by "${space}":\n${[...places].map((p) => `      - ${p}`).join('\n')}`)
  return `\n  searched:\n${groups.join('\n')}`
}

/** `node_modules/<name>` folders that exist above `root`: Node would find them, a space never does. */
function copiesAboveRoot(host: MemoHost, root: string, name: string): string[] {
  const found: string[] = []
  for (let dir = dirname(root); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name)
    if (basename(dir) !== 'node_modules' && host.stat(candidate)?.isDirectory) found.push(candidate)
    if (dirname(dir) === dir) return found
  }
}

/** `specifier` completed with each extension that makes `base` (the path it names) an existing file. */
function completionsOf(host: MemoHost, base: string, specifier: string): string[] {
  return GUESSES.filter((ext) => host.stat(base + ext)?.isFile).map((ext) => specifier + ext)
}
