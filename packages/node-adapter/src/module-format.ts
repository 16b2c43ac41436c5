import { readFileSync } from 'node:fs'
import { dirname, extname, join } from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * How a file is loaded. `detect`: a `.js` (or `.ts`) file with no `"type"` above it, which Node 24 parses as CommonJS
 * first. TypeScript follows JavaScript's rules once its types are stripped: `.mts` as `.mjs`, `.cts` as `.cjs`.
 */
export type ModuleFormat = 'cjs' | 'esm' | 'json' | 'native' | 'detect'

/** Folder → the `"type"` of the nearest package.json at or above it (`undefined`: none says). Files rarely move. */
const typeByDir = new Map<string, string | undefined>()

/** Reads the package.json in a folder, parsed; `undefined` when there is none (or it is not a JSON object). */
export type PackageJsonReader = (dir: string) => Record<string, any> | undefined

/**
 * The format Node would give `file`, from its extension and the nearest package.json's `"type"`. Spaces pass their
 * graph's reader, so that the package.json files the core already read (and the folders it found without one) are
 * not read again.
 */
export function moduleFormat(file: string, readPackageJson: PackageJsonReader = readPackageJsonFile): ModuleFormat {
  switch (extname(file)) {
    case '.mjs':
    case '.mts':
      return 'esm'
    case '.cjs':
    case '.cts':
      return 'cjs'
    case '.json':
      return 'json'
    case '.node':
      return 'native'
  }
  const type = packageType(dirname(file), readPackageJson)
  return type === 'module' ? 'esm' : type === 'commonjs' ? 'cjs' : 'detect'
}

function packageType(dir: string, readPackageJson: PackageJsonReader): string | undefined {
  if (typeByDir.has(dir)) return typeByDir.get(dir)
  let type: string | undefined
  const data = readPackageJson(dir)
  if (data !== undefined) {
    // A package.json without "type" ends the search: its files are detected, as Node 24 does.
    type = typeof data.type === 'string' ? data.type : undefined
  } else {
    const up = dirname(dir)
    type = up === dir || dir.endsWith('/node_modules') ? undefined : packageType(up, readPackageJson)
  }
  typeByDir.set(dir, type)
  return type
}

function readPackageJsonFile(dir: string): Record<string, any> | undefined {
  let text: string
  try {
    text = readFileSync(join(dir, 'package.json'), 'utf8')
  } catch {
    return undefined
  }
  try {
    const data = JSON.parse(text)
    return data && typeof data === 'object' && !Array.isArray(data) ? data : {}
  } catch {
    // Unreadable: it still ends the search, as before (Node reports the broken file when it loads from there).
    return {}
  }
}

/** The syntax errors by which Node 24 decides that a `.js` file of no declared type is an ES module. */
export function isEsmSyntaxError(error: unknown): boolean {
  return error instanceof SyntaxError &&
    /Cannot use import statement outside a module|Unexpected token 'export'|Cannot use 'import\.meta' outside a module|await is only valid in async functions and the top level bodies of modules/.test(error.message)
}

/** package.json files Node has been asked to warn about (Node keeps the same set, once per process). */
const typelessWarned = new Set<string>()

/**
 * Node's `MODULE_TYPELESS_PACKAGE_JSON` warning, for a `.js` file of no declared type that only parses as an ES
 * module: once per package.json per process, and never under `node_modules` or without a package.json, as Node's
 * `warnTypelessPackageJsonFile` decides.
 */
export function warnTypelessPackageJson(file: string, readPackageJson: PackageJsonReader = readPackageJsonFile): void {
  if (file.includes('/node_modules/')) return
  let dir = dirname(file)
  while (readPackageJson(dir) === undefined) {
    const up = dirname(dir)
    if (up === dir) return
    dir = up
  }
  const packageJson = join(dir, 'package.json')
  if (typelessWarned.has(packageJson)) return
  typelessWarned.add(packageJson)
  process.emitWarning(
    `Module type of ${pathToFileURL(file).href} is not specified and it doesn't parse as CommonJS.\n` +
      'Reparsing as ES module because module syntax was detected. This incurs a performance overhead.\n' +
      `To eliminate this warning, add "type": "module" to ${packageJson}.`,
    { code: 'MODULE_TYPELESS_PACKAGE_JSON' },
  )
}
