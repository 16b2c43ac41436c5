import { ROOT_SPACE, type SpaceGraph } from '@modspace/core'

/** rolldown's composable hook filter expressions (`rolldown/filter`), written out so that rolldown stays an optional peer. */
type FilterExpression =
  | { kind: 'and'; args: FilterExpression[] }
  | { kind: 'id' | 'importerId'; pattern: RegExp; params: { cleanUrl?: boolean } }
export type TopLevelFilter = { kind: 'exclude'; expr: FilterExpression }

/**
 * A file in the importer's own folder (`./name.js`, no further `/`), with an extension Node loads by its full name.
 * Node, the core and rolldown's resolver all try the exact file first, so when it exists they agree on it; only a
 * missing file is answered differently (rolldown's own "could not resolve" rather than `MODSPACE_NOT_FOUND`). The same
 * folder keeps it in the importer's package, so the core cannot find it native (kept external) where the importer,
 * bundled, is not: `./sub/x.js` may enter a nested package of its own, and `../x.js` another package.
 */
const SAME_FOLDER_FILE = /^\.\/[^/?#\0]+\.(?:m?js|cjs|json)$/
/** A module of `root` as this plugin names it: a plain absolute path, no space tag, no other plugin's query or `\0`. */
const ROOT_MODULE = /^(?:\/|[A-Za-z]:\/)[^?#\0]*$/

/**
 * The imports rolldown may resolve without asking this plugin: a root module's `./file.js` in its own folder. The
 * core would answer them with the file itself, owned by `root`, which is what rolldown's resolver gives, so each one
 * saves a call from rolldown's native side into JavaScript (a third or more of a build's imports). Every other
 * import still crosses: bare specifiers (parent-first lookups, shared packages), and all imports of a space's modules
 * (their answers carry the space). `undefined` (call for every import) while that is not known to hold: before the graph is loaded, and
 * when `root` overrides a relative specifier (rule 1 comes before rule 3). Vite's dev server reads only an `id`
 * filter and so calls for every import; Rollup is never given one.
 */
export function rootRelativeSkipFilter(graph: SpaceGraph): TopLevelFilter[] | undefined {
  const root = graph.config.spaces.get(ROOT_SPACE)
  if (!root || [...root.overrides.keys()].some((key) => key.startsWith('.'))) return undefined
  return [
    {
      kind: 'exclude',
      expr: {
        kind: 'and',
        args: [
          { kind: 'id', pattern: SAME_FOLDER_FILE, params: {} },
          { kind: 'importerId', pattern: ROOT_MODULE, params: {} },
        ],
      },
    },
  ]
}
