import { dirname } from 'node:path'
import { exports as exportsTargets } from 'resolve.exports'
import { EXTENSIONS, isAboveBound } from './file-resolver.js'
import type { MemoHost } from './memo-host.js'
import { isInside, joinRelative, parseBareSpecifier, specifierType } from './specifier.js'

/**
 * Node's resolution for the plain cases, answered from the memo host without the full resolver: a folder (its
 * `main`, then its `index`) and a package found in `node_modules`, through its `exports` when it has them (Node's
 * `LOAD_AS_FILE`, `LOAD_AS_DIRECTORY`, `LOAD_NODE_MODULES`, `PACKAGE_EXPORTS_RESOLVE`). These are most of the lookups that the relative fast path leaves, and the
 * full resolver costs ten times as much for each of them in a cold process (its plugin pipeline runs unoptimised).
 *
 * `null` means "not a plain case, ask the full resolver": an `imports` field, an `exports` answer that is not one
 * existing file (a self-reference's included), a `main` that names nothing, a file where a package folder was expected, anything not found. So the full resolver
 * stays the authority on everything this does not answer, and on every error. Where it answers, it answers as Node
 * does, which is also what enhanced-resolve answers for every package installed in this repository (a test compares
 * them); on a few shapes no installed package has, enhanced-resolve differs from Node and this follows Node: a `main`
 * naming a folder that has a package.json of its own (Node takes that folder's index, not its `main`), `main: "."`,
 * and `main: "lib/"` beside a `lib.js`.
 */
export function nodeLookup(
  host: MemoHost,
  bound: string | undefined,
  fromDir: string,
  request: string,
  conditions: readonly string[],
  fullySpecified: boolean,
): string | null {
  const type = specifierType(request)
  if (type === 'relative' || type === 'absolute') {
    // The relative fast path has tried the file and its extensions already; a trailing slash names a folder.
    if (fullySpecified) return null
    const path = joinRelative(fromDir, withoutTrailingSlash(request))
    if (host.stat(path)?.isDirectory !== true) return null
    return loadDirectory(host, path)
  }
  if (type !== 'bare' || request.endsWith('/')) return null
  const { name, subpath } = parseBareSpecifier(request)
  if (!validName(name) || subpath.includes('/.') || subpath.includes('//')) return null
  const own = nearestManifest(host, fromDir)
  if (own?.manifest.name === name && own.manifest.exports !== undefined) {
    // Node's PACKAGE_SELF_RESOLVE: a package naming itself gets its own `exports`, before any node_modules folder
    // (react-dom's server build requires 'react-dom'). Above a bound, the full resolver decides.
    if (bound !== undefined && !isInside(own.dir, bound)) return null
    return fromExports(host, own.dir, own.manifest, subpath, conditions)
  }
  for (let dir = fromDir; ; ) {
    if (!dir.endsWith('/node_modules')) {
      const modules = dir === '/' ? '/node_modules' : `${dir}/node_modules`
      if (bound === undefined || !isAboveBound(modules, bound)) {
        const found = fromModules(host, `${modules}/${name}`, subpath, conditions, fullySpecified)
        if (found !== undefined) return found
      }
    }
    if (bound !== undefined && dir === bound) return null
    const up = dirname(dir)
    if (up === dir) return null
    dir = up
  }
}

/**
 * The answer from one `node_modules/<name>`: a path, `null` to give up (ask the full resolver), or `undefined` when
 * nothing of that name is there (Node goes on to the next folder up).
 */
function fromModules(host: MemoHost, packageDir: string, subpath: string, conditions: readonly string[], fullySpecified: boolean): string | null | undefined {
  const stat = host.stat(packageDir)
  if (!stat) {
    // Node would still try `<name>.js` and the like beside the missing folder: leave that to the full resolver.
    if (!subpath && EXTENSIONS.some((extension) => host.stat(packageDir + extension) !== undefined)) return null
    return undefined
  }
  if (!stat.isDirectory) return null
  const manifest = host.readPackageJson(packageDir)
  if (manifest?.exports !== undefined) return fromExports(host, packageDir, manifest, subpath, conditions)
  if (!subpath) {
    // `require('x')` tries x.js beside the folder x before the folder.
    if (EXTENSIONS.some((extension) => host.stat(packageDir + extension) !== undefined)) return null
    return loadDirectory(host, packageDir)
  }
  const path = packageDir + subpath
  if (fullySpecified) return host.stat(path)?.isFile ? real(host, path) : null
  return loadFile(host, path) ?? (host.stat(path)?.isDirectory ? loadDirectory(host, path) : null)
}

/**
 * A package's `exports` for `.` or `./subpath`, matched with resolve.exports (Node's `PACKAGE_EXPORTS_RESOLVE`, with
 * exactly our conditions and `default`). Only one plain answer is taken: a single target that is an existing file
 * inside the package. Refusals, null targets, fallback arrays and anything odd go to the full resolver, which then
 * also gives the reason in its error.
 */
function fromExports(host: MemoHost, packageDir: string, manifest: Record<string, any>, subpath: string, conditions: readonly string[]): string | null {
  let targets: string[] | void
  try {
    targets = exportsTargets(manifest, `.${subpath}`, { conditions, unsafe: true }) as string[] | void
  } catch {
    return null
  }
  if (!targets || targets.length !== 1) return null
  const target = targets[0]!
  if (!target.startsWith('./') || /(^|\/)(\.\.?|node_modules)(\/|$)/.test(target.slice(2)) || target.includes('//') || target.includes('\\') || target.includes('%')) return null
  const path = packageDir + target.slice(1)
  return host.stat(path)?.isFile ? real(host, path) : null
}

/** `LOAD_AS_DIRECTORY`: the folder's `main` (as a file, then as a folder's index), else its `index`. */
function loadDirectory(host: MemoHost, dir: string): string | null {
  const manifest = host.readPackageJson(dir)
  // A malformed package.json, or fields Node and the full resolver treat differently (`browser` is not read).
  if (manifest === undefined && host.stat(`${dir}/package.json`) !== undefined) return null
  const main = manifest?.main
  if (main !== undefined) {
    if (typeof main !== 'string' || main === '' || main.includes('..') || main.startsWith('/')) return null
    const path = joinRelative(dir, withoutTrailingSlash(main.startsWith('./') ? main : `./${main}`))
    // A `main` that names nothing falls back to the index in Node, with a deprecation warning: not a plain case.
    return loadFile(host, path) ?? loadIndex(host, path) ?? null
  }
  return loadIndex(host, dir) ?? null
}

/** `LOAD_AS_FILE`: the exact file, then with each extension. */
function loadFile(host: MemoHost, path: string): string | undefined {
  if (host.stat(path)?.isFile) return real(host, path)
  for (const extension of EXTENSIONS) {
    if (host.stat(path + extension)?.isFile) return real(host, path + extension)
  }
  return undefined
}

/** `LOAD_INDEX`: `index` with each extension. */
function loadIndex(host: MemoHost, dir: string): string | undefined {
  for (const extension of EXTENSIONS) {
    const path = `${dir}/index${extension}`
    if (host.stat(path)?.isFile) return real(host, path)
  }
  return undefined
}

function real(host: MemoHost, path: string): string {
  return host.realpath(path) ?? path
}

/** The nearest package.json at or above `dir`, whatever it holds (it decides self-reference, as in Node). */
function nearestManifest(host: MemoHost, dir: string): { dir: string; manifest: Record<string, any> } | undefined {
  for (let at = dir; ; ) {
    const manifest = host.readPackageJson(at)
    if (manifest) return { dir: at, manifest }
    const up = dirname(at)
    if (up === at) return undefined
    at = up
  }
}

/** A folder request without its trailing slash (`./` stays `.`, `/` stays `/`). */
function withoutTrailingSlash(request: string): string {
  // A loop, not a regular expression: asked for every `main`, and a regex stays dear until it has run many times.
  let end = request.length
  while (end > 0 && request.charCodeAt(end - 1) === 47) end--
  const trimmed = end === request.length ? request : request.slice(0, end)
  return trimmed || (request.startsWith('/') ? '/' : '.')
}

/** Package names the walk can take as folder names as they are. */
function validName(name: string): boolean {
  return name !== '' && !name.startsWith('.') && !name.includes('\\') && !name.includes('%') && (name.startsWith('@') ? /^@[^/]+\/[^/]+$/.test(name) : !name.includes('/'))
}
