// The corpus: real npm packages, each with one real operation whose result is plain JSON. The same functions run
// natively (test/native/reference.mjs, in a child process) and in spaces (the tests), so that the two results can be
// compared as they are. Only erasable TypeScript here: Node runs this file as it is.

/** Loads another specifier through the same door (`import()` or `require()`) and in the same space as the case. */
export type Load = (specifier: string) => Promise<any>

export interface Case {
  /** The specifier the corpus loads (a package or a subpath of one). */
  specifier: string
  /** The loader pattern this package stands for. */
  pattern: string
  /** A native addon: its `.node` file is loaded once per process by the host (docs/spec.md, rule 5). */
  addon?: boolean
  /** The real operation, given what `import()` or `require()` returned. */
  run(mod: any, load: Load): unknown
}

/**
 * What the door gave, beyond the operation: its type, its `__esModule` marker (Node 24's require(esm) adds one when
 * the module has a default export), what `default` is and how many names it has. Compared as well, natively and in
 * a space.
 */
export const shapeOf = (mod: any) => ({
  type: typeof mod,
  esModule: mod != null && '__esModule' in mod ? mod.__esModule : 'absent',
  defaultType: typeof mod?.default,
  names: mod == null ? 0 : Object.keys(mod).length,
})

/** What `import()` and `require()` give differs in shape (a namespace or `module.exports`): take the API either way. */
const api = (mod: any): any => (mod && typeof mod === 'object' && 'default' in mod && mod.default ? mod.default : mod)

export const cases: Case[] = [
  {
    specifier: 'typescript',
    pattern: 'CommonJS, one 9 MB file',
    run: (mod) => {
      const ts = api(mod)
      const source = 'enum Color { Red }\nexport const pick = (c: Color = Color.Red): string => Color[c]'
      const out = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } })
      return { version: ts.version, output: out.outputText }
    },
  },
  {
    specifier: 'lodash',
    pattern: 'CommonJS, one large file that probes its globals',
    run: (mod) => {
      const _ = api(mod)
      return { version: _.VERSION, chunks: _.chunk([1, 2, 3, 4, 5], 2), template: _.template('hi <%= name %>!')({ name: 'space' }), merged: _.merge({ a: { b: 1 } }, { a: { c: 2 } }) }
    },
  },
  {
    specifier: 'chalk',
    pattern: 'ES module only, package.json #imports',
    run: (mod) => {
      const { Chalk } = mod
      return { styled: new Chalk({ level: 1 }).bold.red('warning'), level3: new Chalk({ level: 3 }).hex('#ff8800')('orange') }
    },
  },
  {
    specifier: 'lodash-es',
    pattern: 'ES module only, ~640 files re-exported from one index',
    run: (mod) => ({ camel: mod.camelCase('Module spaces work'), grouped: mod.groupBy([1.3, 2.1, 2.4], Math.floor), debounced: typeof mod.debounce }),
  },
  {
    specifier: 'rxjs',
    pattern: 'dual package (CommonJS for node, ES modules for bundlers), many files',
    run: async (mod) => {
      const { from, firstValueFrom, map, filter, toArray } = mod
      return firstValueFrom(from([1, 2, 3, 4]).pipe(filter((x: number) => x % 2 === 0), map((x: number) => x * 10), toArray()))
    },
  },
  {
    specifier: 'date-fns',
    pattern: 'dual package, ES modules with .cjs twins, ~1,500 files',
    run: (mod) => {
      const day = new Date(2024, 1, 28, 12)
      return { next: mod.format(mod.addDays(day, 1), 'yyyy-MM-dd EEEE'), leap: mod.isLeapYear(day), weeks: mod.differenceInCalendarWeeks(new Date(2024, 11, 31), day) }
    },
  },
  {
    specifier: 'zod',
    pattern: 'dual package, ES modules with .cjs twins',
    run: (mod) => {
      const { z } = mod
      const schema = z.object({ name: z.string().min(2), tags: z.array(z.string()).default([]) })
      const bad = schema.safeParse({ name: 'x', tags: [1] })
      return { good: schema.parse({ name: 'modspace' }), issues: bad.error.issues.map((i: any) => ({ path: i.path, code: i.code })) }
    },
  },
  {
    specifier: 'react',
    pattern: 'CommonJS that picks its build by process.env.NODE_ENV',
    run: (mod) => {
      const React = api(mod)
      const element = React.createElement('p', { id: 'x' }, 'a', 'b')
      return { version: React.version, valid: React.isValidElement(element), children: React.Children.count(element.props.children) }
    },
  },
  {
    specifier: 'react-dom/server',
    pattern: 'CommonJS subpath export with a node condition, depending on react',
    run: async (mod, load) => {
      const React = api(await load('react'))
      const { renderToString } = api(mod)
      const App = ({ items }: { items: string[] }) => React.createElement('ul', null, items.map((item) => React.createElement('li', { key: item }, item)))
      return renderToString(React.createElement(App, { items: ['one', 'two'] }))
    },
  },
  {
    specifier: 'vue',
    pattern: 'dual package: an .mjs wrapper over CommonJS builds',
    run: (mod) => {
      const { reactive, computed, version } = mod
      const state = reactive({ n: 2 })
      const double = computed(() => state.n * 2)
      state.n = 21
      return { version, double: double.value }
    },
  },
  {
    specifier: '@vue/server-renderer',
    pattern: 'CommonJS server renderer with vue as a peer',
    run: async (mod, load) => {
      const { createSSRApp, h } = await load('vue')
      const app = createSSRApp({ data: () => ({ who: 'space' }), render(this: any) { return h('div', { class: 'hi' }, `hello ${this.who}`) } })
      return mod.renderToString(app)
    },
  },
  {
    specifier: 'semver',
    pattern: 'CommonJS, ~50 small files required lazily',
    run: (mod) => {
      const semver = api(mod)
      return { max: semver.maxSatisfying(['1.2.3', '1.4.0', '2.0.0'], '^1.2.0'), next: semver.inc('1.2.3', 'preminor', 'beta'), sorted: semver.rsort(['1.0.0', '3.0.0', '2.0.0']) }
    },
  },
  {
    specifier: 'debug',
    pattern: 'CommonJS that picks its node build and reads tty and util',
    run: (mod) => {
      const debug = api(mod)
      const log = debug('corpus:test')
      return { namespace: log.namespace, enabled: log.enabled, humanize: debug.humanize(90_000), extended: log.extend('sub').namespace }
    },
  },
  {
    specifier: 'uuid',
    pattern: 'ES module only, node:crypto',
    run: (mod) => ({ v5: mod.v5('modspace', mod.v5.URL), valid: mod.validate(mod.v4()), version: mod.version(mod.v7()) }),
  },
  {
    specifier: 'nanoid',
    pattern: 'ES module only, node:crypto',
    run: (mod) => ({ length: mod.nanoid().length, custom: mod.customAlphabet('ab', 12)().replace(/[ab]/g, '').length, alphabet: mod.urlAlphabet }),
  },
  {
    specifier: 'yaml',
    pattern: 'dual package (CommonJS for node)',
    run: (mod) => {
      const YAML = api(mod)
      return { parsed: YAML.parse('spaces:\n  - name: a\n    delegation: self-first\n'), text: YAML.stringify({ a: [1, { b: true }] }) }
    },
  },
  {
    specifier: 'ajv',
    pattern: 'CommonJS that requires JSON schemas and compiles code with new Function',
    run: (mod) => {
      const Ajv = api(mod)
      const ajv = new Ajv({ allErrors: true })
      const validate = ajv.compile({ type: 'object', properties: { port: { type: 'integer', minimum: 1 } }, required: ['port'] })
      validate({ port: 0 })
      return validate.errors.map((e: any) => ({ path: e.instancePath, keyword: e.keyword }))
    },
  },
  {
    specifier: 'immer',
    pattern: 'dual package',
    run: (mod) => {
      const base = { todos: [{ text: 'a', done: false }] }
      const next = mod.produce(base, (draft: any) => { draft.todos[0].done = true; draft.todos.push({ text: 'b', done: false }) })
      return { next, unchanged: base.todos[0]?.done, frozen: Object.isFrozen(next) }
    },
  },
  {
    specifier: 'dayjs',
    pattern: 'CommonJS as UMD, plugins as separate files',
    run: async (mod, load) => {
      const dayjs = api(mod)
      dayjs.extend(api(await load('dayjs/plugin/advancedFormat.js')))
      return dayjs(new Date(2024, 0, 15, 9)).add(1, 'month').format('YYYY-MM-DD Do [of] MMMM')
    },
  },
  {
    specifier: 'picocolors',
    pattern: 'CommonJS reading process.argv, process.env and tty at load',
    run: (mod) => {
      const pc = api(mod)
      return { on: pc.createColors(true).green('ok'), off: pc.createColors(false).green('ok') }
    },
  },
  {
    specifier: 'superjson',
    pattern: 'ES module only, classes round-tripped',
    run: (mod) => {
      const superjson = api(mod)
      const text = superjson.stringify({ when: new Date(0), ids: new Set([1, 2]), big: BigInt(10) })
      const back = superjson.parse(text)
      return { text, back: { when: back.when instanceof Date, ids: [...back.ids], big: String(back.big) } }
    },
  },
  {
    specifier: 'pino',
    pattern: 'CommonJS logger with many dependencies (sonic-boom, thread-stream, fast-redact)',
    run: (mod) => {
      const pino = api(mod)
      const lines: string[] = []
      const logger = pino({ base: null, timestamp: false, redact: ['secret'] }, { write: (line: string) => lines.push(line) })
      logger.info({ secret: 'x', user: 'a' }, 'hello %s', 'space')
      logger.child({ plugin: 'p' }).warn('careful')
      return lines.map((line) => JSON.parse(line))
    },
  },
  {
    specifier: 'oxc-resolver',
    pattern: 'native addon (napi-rs: the binary comes in a platform package)',
    addon: true,
    run: (mod) => {
      const { ResolverFactory } = api(mod)
      const resolver = new ResolverFactory({ conditionNames: ['node', 'import'] })
      const found = resolver.sync(process.cwd(), 'chalk')
      return { found: typeof found.path === 'string' && found.path.endsWith('.js'), error: found.error ?? null }
    },
  },
  {
    specifier: '@node-rs/crc32',
    pattern: 'native addon (napi-rs)',
    addon: true,
    run: (mod) => {
      const { crc32, crc32c } = api(mod)
      return { crc32: crc32('modspace'), crc32c: crc32c('modspace') }
    },
  },
  {
    specifier: 'yargs',
    pattern: 'ES module only, createRequire(import.meta.url), locale files read next to import.meta.url',
    run: async (mod) => {
      const yargs = api(mod)
      const parser = yargs(['--port', '8', 'serve']).scriptName('corpus').locale('fr').wrap(80)
        .option('port', { type: 'number', describe: 'the port' }).command('serve', 'serve it')
      return { argv: parser.parseSync(), help: await parser.getHelp() }
    },
  },
  {
    specifier: 'prettier',
    pattern: 'dual package: createRequire(import.meta.url) and import() of its plugins (a CommonJS build that imports the ES one)',
    run: async (mod) => {
      const prettier = api(mod)
      return prettier.format('const a  =  {b:1,  c:[1,2]}', { parser: 'babel', semi: false })
    },
  },
  {
    specifier: 'jiti',
    pattern: 'ES module that loads its transform with createRequire(import.meta.url) when first asked to',
    run: (mod) => {
      const { createJiti } = mod
      const jiti = createJiti(`${process.cwd()}/corpus.js`, { fsCache: false, moduleCache: false })
      const source = 'export const double = (n: number): number => n * 2\nexport default double(21)\n'
      const out = jiti.evalModule(source, { filename: `${process.cwd()}/virtual.ts`, ext: '.ts' })
      return { answer: out.default, double: out.double(4) }
    },
  },
  {
    specifier: 'figlet',
    pattern: 'dual package that reads its font files from a folder found from import.meta.url or __dirname',
    run: (mod) => api(mod).textSync('Hi', { font: 'Standard' }),
  },
  {
    specifier: 'cli-spinners',
    pattern: "ES module only, a JSON import with { type: 'json' }",
    run: (mod) => ({ dots: api(mod).dots, count: mod.randomSpinner ? Object.keys(api(mod)).length : 0 }),
  },
  {
    specifier: 'cli-boxes',
    pattern: "ES module only, a JSON import with { type: 'json' }",
    run: (mod) => api(mod).round,
  },
]
