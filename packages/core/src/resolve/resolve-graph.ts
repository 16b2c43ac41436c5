import { dirname, join, resolve as resolvePath } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ROOT_SPACE, type NormalizedConfig, type NormalizedSpace } from '../config/normalize-config.js'
import { ErrorCodes, ModspaceError } from '../errors.js'
import { builtinId } from './builtin.js'
import { EXTENSIONS, type FileResolvers } from './file-resolver.js'
import type { MemoHost } from './memo-host.js'
import { errorContext } from './error-context.js'
import { checkNativeConflict } from './native-conflict.js'
import { nodeLookup } from './node-lookup.js'
import { notFoundError, type Confinement, type SearchedPlace } from './not-found.js'
import { declaredRange, findPackage, nativeReason } from './package-info.js'
import { isInside, joinRelative, parseBareSpecifier, specifierType, type BareSpecifier } from './specifier.js'
import { isValidRange, satisfiesRange } from './version-range.js'
import type { PackageInfo, ResolveResult, TraceRule, TraceStep } from './types.js'

/** The state of one `resolve()` call. */
export interface ResolveContext {
  specifier: string
  importer: string | undefined
  conditions: readonly string[]
  fullySpecified: boolean
  trace: TraceStep[]
  warnings: string[]
  /** Every place looked in, and by which space, for the "not found" error. */
  searched: SearchedPlace[]
  /** Why a lookup failed, when the resolver said more than "not found". */
  reasons: string[]
  /** The `space\0specifier` overrides followed so far, in order: seeing one twice is a cycle. */
  rewrites?: string[]
  /** Set while a parent is asked (`viaParent`): its "not found" only means "ask the space itself", so none is worded. */
  probing?: boolean
}

export interface ResolveEnvironment {
  config: NormalizedConfig
  host: MemoHost
  files: FileResolvers
  /** Native package name → the copy first reached, to detect two copies. */
  nativeSeen: Map<string, { root: string; space: string; via: string }>
  /** `bound\0fromDir` → where a bare lookup from there can start (see `bareLookupDir`). */
  bareLookupDirs: Map<string, string>
  /** `owner\0file` → the answer for a file that is no addon and no native package's (see `finishFile`). */
  plainFiles: Map<string, Found>
  onWarning: (message: string) => void
}

type Found = Omit<ResolveResult, 'trace'>

/**
 * The algorithm of docs/spec.md. Each numbered rule there is one function here; all of them record a trace step for
 * every decision, so that `explain()` can show the why.
 */
export function resolveInSpace(env: ResolveEnvironment, space: NormalizedSpace, importerDir: string, ctx: ResolveContext): Found {
  const found = resolveSpecifier(env, space, importerDir, ctx)
  // Rule 5's conflict check looks only at the answer: a parent's native copy that parent-first examined and passed
  // over is never loaded, so it cannot conflict with the copy that is.
  if (found.kind === 'native' && found.package) checkNativeConflict(env, found.package, space.name, ctx)
  return found
}

function resolveSpecifier(env: ResolveEnvironment, space: NormalizedSpace, importerDir: string, ctx: ResolveContext): Found {
  const { specifier } = ctx
  // Rule 1: overrides, nearest on the chain first.
  const builtin = builtinId(specifier)
  const key = builtin ?? specifier
  for (const name of space.chain) {
    const declaring = env.config.spaces.get(name)!
    const target = declaring.overrides.get(key)
    if (!target) continue
    if (target.type === 'blocked') {
      step(ctx, name, 'override', `"${specifier}" is blocked (spaces.${name}.overrides["${key}"] is false)`)
      return { space: name, id: specifier, kind: 'blocked' }
    }
    if (target.type === 'file') {
      step(ctx, name, 'override', `"${specifier}" is overridden by the file ${target.path}, owned by "${name}"`)
      return withPackage(env, { space: name, id: target.path, kind: 'override' })
    }
    const rewrites = (ctx.rewrites ??= [])
    const rewrite = `${name}\0${key}`
    if (rewrites.includes(rewrite)) {
      const loop = [...rewrites.slice(rewrites.indexOf(rewrite)), rewrite].map((r) => `"${r.split('\0')[1]}"`).join(' → ')
      throw new ModspaceError(ErrorCodes.OVERRIDE_CYCLE, `overrides rewrite "${specifier}" in a cycle: ${loop}.`, {
        configPath: `spaces.${name}.overrides.${specifier}`,
        ...errorContext(env, space.name, ctx),
        expected: 'an override chain that ends at a module',
        fix: 'make one of the overrides in this cycle point at a file, or at a specifier that is not overridden',
      })
    }
    rewrites.push(rewrite)
    step(ctx, name, 'override', `"${specifier}" is overridden by the specifier "${target.specifier}" (spaces.${name}.overrides), resolved in "${name}" from its root`)
    const inner = resolveOverrideTarget(env, declaring, target.specifier, ctx)
    if (inner.kind === 'builtin' || inner.kind === 'blocked' || inner.kind === 'native') return inner
    step(ctx, name, 'override', `the override target ${inner.id} is owned by "${name}", which declared the override`)
    return { ...inner, space: name, kind: 'override' }
  }

  // Rule 2: builtins belong to root.
  if (builtin) {
    step(ctx, ROOT_SPACE, 'builtin', `"${specifier}" is the builtin ${builtin}, owned by root`)
    return { space: ROOT_SPACE, id: builtin, kind: 'builtin' }
  }

  const type = specifierType(specifier)
  // Rule 3: relative, absolute and file: URLs resolve from the importer and stay in the importer's space.
  if (type === 'relative' || type === 'absolute' || type === 'url' || type === 'imports') {
    let request = specifier
    if (type === 'url') {
      if (!specifier.startsWith('file:')) {
        const why = specifier.startsWith('node:') ? `"${specifier}" is not a builtin module of this Node` : `only file: URLs can be resolved, not "${specifier}"`
        throw notFound(env, space, ctx, undefined, why)
      }
      request = fileURLToPath(specifier)
    }
    // Node reads `.`, `..` and paths ending in them as folders (never `...js`); enhanced-resolve would try extensions.
    if (type !== 'imports' && (request === '.' || request === '..' || request.endsWith('/.') || request.endsWith('/..'))) request += '/'
    // Subpath imports (#x) may map to packages: bound them like the space's own lookups.
    const bound = type === 'imports' && space.name !== ROOT_SPACE ? space.root : undefined
    const found = (type === 'imports' ? undefined : existingFile(env, importerDir, request, ctx.fullySpecified)) ?? lookup(env, bound, importerDir, request, ctx)
    if (!found) {
      ctx.searched.push({ space: space.name, place: type === 'imports' ? `the "imports" of the package above ${importerDir}` : resolvePath(importerDir, request) })
      throw notFound(env, space, ctx)
    }
    step(ctx, space.name, 'relative', `"${specifier}" is ${found}, owned by the importer's space "${space.name}"`)
    return finishFile(env, space.name, found, ctx)
  }

  // Rule 4: bare specifiers.
  return resolveBare(env, space, parseBareSpecifier(specifier), importerDir, ctx)
}

/**
 * A relative or absolute request naming an existing file is that file, in Node's CommonJS and ESM resolution alike
 * (the exact name is tried before any extension); where extensions are added (not fully specified), Node tries
 * `.js`, `.json`, `.node` next, before it looks at a folder of that name. Most imports in real trees are of these
 * forms, and answering them without the full resolver makes a cold load several times cheaper. Anything else (a
 * folder, a trailing slash) goes to the full resolver.
 */
function existingFile(env: ResolveEnvironment, importerDir: string, request: string, fullySpecified: boolean): string | undefined {
  if (request.endsWith('/')) return undefined
  const path = joinRelative(importerDir, request)
  if (env.host.stat(path)?.isFile) return env.host.realpath(path) ?? path
  if (fullySpecified) return undefined
  for (const extension of EXTENSIONS) {
    const candidate = path + extension
    if (env.host.stat(candidate)?.isFile) return env.host.realpath(candidate) ?? candidate
  }
  return undefined
}

/** An override's specifier target, in the declaring space from its root; "not found" names the override to blame. */
function resolveOverrideTarget(env: ResolveEnvironment, declaring: NormalizedSpace, target: string, ctx: ResolveContext): Found {
  try {
    return resolveSpecifier(env, declaring, declaring.root, { ...ctx, specifier: target })
  } catch (error) {
    if (!(error instanceof ModspaceError) || error.code !== ErrorCodes.NOT_FOUND) throw error
    const configPath = `spaces.${declaring.name}.overrides.${ctx.specifier}`
    throw new ModspaceError(ErrorCodes.NOT_FOUND, `"${ctx.specifier}" is overridden by "${target}", and ${error.summary}`, {
      configPath,
      ...errorContext(env, error.space ?? declaring.name, ctx),
      expected: `"${target}" to resolve in "${declaring.name}" from ${declaring.root}`,
      fix: `install "${target}" where "${declaring.name}" resolves it (its root or its parents'), or point ${configPath} at another target`,
    })
  }
}

function resolveBare(env: ResolveEnvironment, space: NormalizedSpace, bare: BareSpecifier, importerDir: string, ctx: ResolveContext): Found {
  const { specifier } = ctx
  if (space.name === ROOT_SPACE) {
    const found = lookupWithPlaces(env, ROOT_SPACE, undefined, importerDir, bare, ctx)
    if (!found) {
      throw notFound(env, space, ctx)
    }
    step(ctx, ROOT_SPACE, 'host', `root (the host) resolves "${specifier}" with Node's rules from ${importerDir}: ${found}`)
    return finishFile(env, ROOT_SPACE, found, ctx)
  }

  const importerPkg = findPackage(env.host, importerDir, true)
  // A package importing its own name gets itself, as in Node: through its "exports", or, without them, through the
  // node_modules folder it is installed in. Asking the parent instead would mix the files of two copies.
  if (importerPkg && importerPkg.name === bare.name && isInside(importerPkg.root, space.root)) {
    const found = lookup(env, space.root, importerDir, specifier, ctx)
    if (found) {
      const how = importerPkg.data.exports !== undefined ? 'resolved through its "exports"' : `found from the importer, in ${space.name}'s own root`
      step(ctx, space.name, 'self-reference', `"${specifier}" is the importer's own package (${importerPkg.name}); ${how}`)
      return finishFile(env, space.name, found, ctx)
    }
  }

  if (space.isolated.has(bare.name)) {
    step(ctx, space.name, 'isolated', `"${bare.name}" is isolated in "${space.name}" (spaces.${space.name}.isolated): only its own root is searched`)
    return own(env, space, bare, importerDir, ctx) ?? raise(notFound(env, space, ctx, 'isolated'))
  }

  if (space.shared.has(bare.name)) {
    const range = space.shared.get(bare.name)
    step(ctx, space.name, 'shared', `"${bare.name}" is shared in "${space.name}" (spaces.${space.name}.shared): only the parent "${space.parent}" is asked`)
    const fromParent = viaParent(env, space, bare, ctx)
    if (!fromParent) throw notFound(env, space, ctx, 'shared')
    if (range !== undefined && fromParent.package) {
      const version = fromParent.package.version
      if (!satisfiesRange(version, range)) {
        const ownCopy = tryQuietly(() => own(env, space, bare, importerDir, { ...ctx, trace: [], searched: [] }))
        throw new ModspaceError(
          ErrorCodes.SHARED_RANGE,
          `"${bare.name}" is shared with range ${range}, but the parent "${space.parent}" has ${bare.name}@${version} at ${fromParent.package.root}` +
            (ownCopy?.package ? `; "${space.name}" has ${bare.name}@${ownCopy.package.version} at ${ownCopy.package.root}.` : '.'),
          {
            configPath: `spaces.${space.name}.shared.${bare.name}`,
            ...errorContext(env, space.name, ctx),
            expected: `${bare.name} in "${space.parent}" to satisfy ${range}`,
            fix: `install a ${bare.name} matching ${range} where "${space.parent}" resolves it, or widen the range in spaces.${space.name}.shared`,
          },
        )
      }
      step(ctx, space.name, 'shared', `the parent's ${bare.name}@${version} satisfies the shared range ${range}`)
    }
    return fromParent
  }

  if (space.delegation === 'self-first') {
    const mine = own(env, space, bare, importerDir, ctx)
    if (mine) {
      step(ctx, space.name, 'self-first', `"${space.name}" is self-first and has "${specifier}" in its own root`)
      return mine
    }
    step(ctx, space.name, 'self-first', `"${space.name}" is self-first but has no "${bare.name}" of its own: asking the parent "${space.parent}"`)
    return viaParent(env, space, bare, ctx) ?? raise(notFound(env, space, ctx))
  }

  // parent-first, version-aware.
  step(ctx, space.name, 'parent-first', `"${space.name}" is parent-first: asking the parent "${space.parent}" for "${specifier}"`)
  const fromParent = viaParent(env, space, bare, ctx)
  if (!fromParent) {
    step(ctx, space.name, 'parent-first', `the parent has no "${bare.name}": looking in "${space.name}"'s own root`)
    return own(env, space, bare, importerDir, ctx) ?? raise(notFound(env, space, ctx))
  }
  const declared = importerPkg ? declaredRange(importerPkg, bare.name) : undefined
  const parentVersion = fromParent.package?.version
  if (!declared || parentVersion === undefined || fromParent.package?.name !== bare.name) {
    step(ctx, space.name, 'parent-first', declared
      ? `taking the parent's copy (it has no version to compare)`
      : `${importerPkg ? `${importerPkg.name} declares no range for "${bare.name}"` : 'the importer has no package.json'}: taking the parent's copy`)
    return fromParent
  }
  // `satisfies` is false for a range that is not semver, so the usual case parses the range once; only a parent's
  // copy that does not satisfy it needs `isValidRange` to tell the two apart (a first parse is dear in a cold process).
  if (satisfiesRange(parentVersion, declared.range)) {
    step(ctx, space.name, 'parent-first', `the parent's ${bare.name}@${parentVersion} satisfies ${declared.range} (${declared.field} of ${importerPkg!.name}): taking the parent's copy`)
    return fromParent
  }
  if (!isValidRange(declared.range)) {
    step(ctx, space.name, 'parent-first', `${importerPkg!.name} declares "${declared.range}" for "${bare.name}", which is not a semver range: taking the parent's copy`)
    return fromParent
  }
  step(ctx, space.name, 'parent-first', `the parent's ${bare.name}@${parentVersion} does not satisfy ${declared.range} (${declared.field} of ${importerPkg!.name}): looking in "${space.name}"'s own root`)
  const mine = own(env, space, bare, importerDir, ctx)
  if (mine) {
    step(ctx, space.name, 'parent-first', `taking "${space.name}"'s own ${bare.name}@${mine.package?.version ?? '?'}`)
    return mine
  }
  throw new ModspaceError(
    ErrorCodes.VERSION_MISMATCH,
    `${importerPkg!.name} needs ${bare.name}@${declared.range}, the parent "${space.parent}" has ${bare.name}@${parentVersion} at ${fromParent.package!.root}, and "${space.name}" has no copy of its own.`,
    {
      ...errorContext(env, space.name, ctx),
      // The range to widen is in the importer's package.json, not in the config.
      file: join(importerPkg!.root, 'package.json'),
      expected: `a ${bare.name} matching ${declared.range} under ${space.root}`,
      fix: `install ${bare.name}@"${declared.range}" in ${space.root}, or widen the range in ${join(importerPkg!.root, 'package.json')}`,
    },
  )
}

/** The space's own copy, looked up with Node's rules from the importer (or the space's root) but never above the root. */
function own(env: ResolveEnvironment, space: NormalizedSpace, bare: BareSpecifier, importerDir: string, ctx: ResolveContext): Found | undefined {
  // An importer outside the root (an override file) looks up from the root, so it cannot see the host's node_modules.
  const from = isInside(importerDir, space.root) ? importerDir : space.root
  const found = lookupWithPlaces(env, space.name, space.root, from, bare, ctx)
  if (!found) return undefined
  step(ctx, space.name, 'lookup', `"${space.name}" has "${ctx.specifier}" at ${found}`)
  return finishFile(env, space.name, found, ctx)
}

/** The parent's answer, by the parent's own rules, looking up from the parent's root. */
function viaParent(env: ResolveEnvironment, space: NormalizedSpace, bare: BareSpecifier, ctx: ResolveContext): Found | undefined {
  const parent = env.config.spaces.get(space.parent!)!
  // The places the parent searched still reach `ctx.searched` (the arrays are shared), for the error the space may raise.
  const probe = { ...ctx, probing: true }
  try {
    return resolveBare(env, parent, bare, parent.root, probe)
  } catch (error) {
    if (error === PARENT_MISS || (error instanceof ModspaceError && error.code === ErrorCodes.NOT_FOUND)) return undefined
    throw error
  }
}

function lookup(env: ResolveEnvironment, bound: string | undefined, fromDir: string, request: string, ctx: ResolveContext): string | undefined {
  const plain = nodeLookup(env.host, bound, fromDir, request, ctx.conditions, ctx.fullySpecified)
  if (plain !== null) return plain
  const result = env.files.resolve({ bound, conditions: ctx.conditions, fullySpecified: ctx.fullySpecified }, fromDir, request)
  if (result.reason) ctx.reasons.push(result.reason)
  return result.path
}

function lookupWithPlaces(
  env: ResolveEnvironment,
  space: string,
  bound: string | undefined,
  fromDir: string,
  bare: BareSpecifier,
  ctx: ResolveContext,
): string | undefined {
  const found = lookup(env, bound, bareLookupDir(env, fromDir, bound), ctx.specifier.startsWith(bare.name) ? ctx.specifier : bare.name + bare.subpath, ctx)
  if (!found) ctx.searched.push(...candidatePlaces(fromDir, bound, bare.name).map((place) => ({ space, place })))
  return found
}

/**
 * The folder a bare lookup from `fromDir` can start at instead, with the same answer: the root of the package that
 * holds `fromDir` when no folder between them has a `node_modules` folder or a package.json of its own (they would
 * change the folders searched, or the package a self-reference sees). Every folder of a package then shares one
 * lookup, which the file resolver remembers, instead of walking the same missing folders again from each one.
 */
function bareLookupDir(env: ResolveEnvironment, fromDir: string, bound: string | undefined): string {
  const key = `${bound ?? ''}\0${fromDir}`
  let dir = env.bareLookupDirs.get(key)
  if (dir === undefined) {
    dir = fromDir
    const pkg = findPackage(env.host, fromDir, true)
    if (pkg && pkg.root !== fromDir && isInside(fromDir, pkg.root) && (bound === undefined || isInside(pkg.root, bound))) {
      let at = fromDir
      while (at !== pkg.root && env.host.stat(`${at}/node_modules`)?.isDirectory !== true && env.host.readPackageJson(at) === undefined) at = dirname(at)
      if (at === pkg.root) dir = pkg.root
    }
    env.bareLookupDirs.set(key, dir)
  }
  return dir
}

/** The `node_modules/<name>` folders Node would try from `fromDir`, up to `bound` (inclusive) or the file system root. */
export function candidatePlaces(fromDir: string, bound: string | undefined, name: string): string[] {
  const places: string[] = []
  let dir = fromDir
  for (;;) {
    if (!dir.endsWith('/node_modules')) places.push(join(dir, 'node_modules', name))
    if (dir === bound) break
    const up = dirname(dir)
    if (up === dir) break
    dir = up
  }
  return places
}

/** Rule 5 applies to every file: natives move to the pin space. */
function finishFile(env: ResolveEnvironment, owner: string, path: string, ctx: ResolveContext): Found {
  // A file is reached from many importers (a tree's shared modules from dozens): its package is looked up once.
  const key = `${owner}\0${path}`
  const plain = env.plainFiles.get(key)
  if (plain) return plain
  const pkg = findPackage(env.host, path)
  const info: PackageInfo | undefined = pkg ? { name: pkg.name, version: pkg.version, root: pkg.root } : undefined
  const addon = path.endsWith('.node')
  const why = addon ? undefined : pkg && nativeReason(env.host, pkg, env.config.native.packages)
  if (!addon && !why) {
    const found: Found = { space: owner, id: path, kind: 'file', ...(info ? { package: info } : {}) }
    env.plainFiles.set(key, found)
    return found
  }
  const pin = env.config.native.pin
  const what = addon ? `${path} is a native addon (a .node file)` : `${pkg!.name}@${pkg!.version} is a native package (${why})`
  step(ctx, pin, 'native', `${what}: owned by the pin space "${pin}", one instance per real path`)
  return { space: pin, id: path, kind: 'native', ...(info ? { package: info } : {}) }
}

function withPackage(env: ResolveEnvironment, found: Found): Found {
  const pkg = findPackage(env.host, found.id)
  return pkg ? { ...found, package: { name: pkg.name, version: pkg.version, root: pkg.root } } : found
}

/**
 * Thrown for a parent's miss while it is only being asked (`ctx.probing`), and caught by `viaParent`: wording a
 * "not found" (every place searched, with suggestions) was half the cost of a cold parent-first resolution whose
 * package only the space has.
 */
const PARENT_MISS = new Error('modspace: a parent has no such package (caught by viaParent)')

function notFound(env: ResolveEnvironment, space: NormalizedSpace, ctx: ResolveContext, confinement?: Confinement, why?: string): Error {
  if (ctx.probing) return PARENT_MISS
  return notFoundError(env.host, space, ctx, confinement, why)
}

function step(ctx: ResolveContext, space: string, rule: TraceRule, message: string): void {
  ctx.trace.push({ space, rule, message })
}

function raise(error: Error): never {
  throw error
}

function tryQuietly<T>(fn: () => T): T | undefined {
  try {
    return fn()
  } catch {
    return undefined
  }
}
