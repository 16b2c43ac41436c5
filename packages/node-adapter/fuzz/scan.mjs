// A mutation fuzzer for the token scan (src/esm/scan-esm.ts): it mutates the ES modules installed in this repository
// (deleting, duplicating and swapping pieces, adding line breaks, inserting shapes the scan can misread) and compares
// each mutant's rewrite by the scan with the AST path's, as test/scan-agrees-with-ast.test.ts does for the files as they
// are. A finding is a mutant the AST path accepts where the scan makes other code that still compiles (a misread: the
// module would run differently), or one the AST path and `node --check` refuse while the scan's code passes every
// check (the module would run where Node refuses it). Mutants are reproducible from the seed; findings are written to
// .tmp/fuzz-scan/. `npm run fuzz:scan -w @modspace/node-adapter -- --mutants 20000 --seed 7` (after a build: the script
// runs the built dist); test/scan-fuzz.test.ts runs a short smoke version on the sources.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import vm from 'node:vm'

const here = fileURLToPath(new URL('.', import.meta.url))
const nodeModules = resolve(here, '../../../node_modules')

/** The ES modules installed here, as scan-agrees-with-ast.test.ts finds them: `.mjs`, or `.js` under `esm`/`dist`. */
export function esModules(dir = nodeModules, out = [], inEsmFolder = false) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (entry.name === '.bin' || entry.name === '.cache') continue
      esModules(path, out, inEsmFolder || entry.name === 'esm' || entry.name === 'dist')
    } else if (entry.isFile() && (entry.name.endsWith('.mjs') || (inEsmFolder && entry.name.endsWith('.js')))) {
      if (statSync(path).size < 200_000) out.push(path)
    }
  }
  return out.sort()
}

/** mulberry32: a small seeded generator, so that a run is the same on every machine. */
function random(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Shapes the scan has to tell apart (`N` is one of the module's imported names): declarations and parameters that
 * shadow an import, keys and labels that are no reads, shorthand properties, regular expressions against division,
 * blocks against object literals, line breaks after return and yield, contextual keywords as names, local exports.
 */
const SHAPES = [
  '\nlet N = 1\n', '\nconst { N } = {}\n', '\nvar [N] = []\n', '\nfunction f(N) { return N }\n', '\nconst f = (N) => N\n',
  '\nconst f = N => N\n', '\nconst f = ({ N }) => N\n', '\nfunction f(a = N) { return a }\n', '\ntry {} catch (N) { N }\n',
  '\nclass K { N() { return N } static N = N; #N = N; get N() { return N } }\n', '\nconst o = { N, N: N, [N]: N, N() { return N } }\n',
  '\nN: for (;;) { break N }\n', '\nx = { N }\n', '\n/N/g.test(N)\n', '\nconst d = N / 2 / N\n', '\nreturn\n/N/g\n',
  '\nfunction* g() { yield\n/N/g }\n', '\nif (N) { N }\n/N/.test("")\n', '\nconst t = `${N}${`${N}`}`\n', '\nN?.N?.[N]\n',
  '\nconst of = N\n', '\nfor (const N of []) N\n', '\nfor (let i = 0; i < 1; i++) { let N }\n', '\nexport { N as N2 }\n',
  '\nexport { N }\n', '\nexport default N\n', '\nawait N\n', '\nconst a = async () => await N\n', '\nimport.meta.N\n',
  '\nimport(N)\n', '\nconst { a = N } = {}\n', '\nlabel: { N }\n', '\n({ N } = {})\n', '\n[N] = []\n', '\nnew N\n',
  '\nclass L extends N {}\n', '\nconst c = class N {}\n', '\nconst h = function N() {}\n', '\nexport const [N3] = [N]\n',
  '\nif (1) { var N4 } export { N4 }\n', '\nexport { undeclaredName }\n', '\nexport function N5() {} export { N5 as N6 }\n',
  '/', '}', '{', '(', ')', '\n', ';', ',', '`', '=>', '?', ':', ' async ', ' of ', ' let ', ' yield ', ' static ', ' get ',
]

function mutate(source, names, next) {
  const at = (limit = source.length) => Math.floor(next() * limit)
  // Mostly at white space, where a token ends: fewer mutants broken in the middle of a word.
  const boundary = () => {
    for (let tries = 0; tries < 8; tries++) {
      const i = at()
      if (/\s/.test(source[i] ?? '')) return i
    }
    return at()
  }
  const kind = at(5)
  if (kind === 0) {
    const from = boundary()
    const length = 1 + at(40)
    return { what: `deleted ${JSON.stringify(source.slice(from, from + length))} at ${from}`, code: source.slice(0, from) + source.slice(from + length) }
  }
  if (kind === 1) {
    const from = boundary()
    const piece = source.slice(from, from + 1 + at(200))
    const to = boundary()
    return { what: `copied ${JSON.stringify(piece)} from ${from} to ${to}`, code: source.slice(0, to) + piece + source.slice(to) }
  }
  if (kind === 2) {
    const lines = source.split('\n')
    const a = at(lines.length)
    const b = at(lines.length)
    ;[lines[a], lines[b]] = [lines[b], lines[a]]
    return { what: `swapped lines ${a + 1} and ${b + 1}`, code: lines.join('\n') }
  }
  const name = names.length === 0 ? 'x' : names[at(names.length)]
  const shape = kind === 3 ? '\n' : SHAPES[at(SHAPES.length)].replace(/N/g, name)
  const to = boundary()
  return { what: `inserted ${JSON.stringify(shape)} at ${to}`, code: source.slice(0, to) + shape + source.slice(to) }
}

const layout = (code) => code.replace(/[\s();]/g, '')

function compiles(code) {
  try {
    new vm.Script(code)
    return true
  } catch (error) {
    if (error instanceof SyntaxError) return false
    throw error
  }
}

/**
 * Runs `mutants` mutants from `seed` over `files` (all installed ES modules by default) with the given transform
 * (`scanEsm`, `transformEsm` and `checkModuleBody`, from the sources or the build). Gives the counts and the findings.
 */
export function fuzzScan({ scanEsm, transformEsm, checkModuleBody }, { mutants = 2000, seed = 1, files = esModules() } = {}) {
  const next = random(seed)
  const modules = []
  for (const file of files) {
    const source = readFileSync(file, 'utf8')
    if (!/(^|\n)\s*(import|export)\s/.test(source)) continue
    try {
      modules.push({ file, source, names: transformEsm(source, file, { ast: true }).importedNames })
    } catch {
      // Not an ES module after all (CommonJS in a dist folder), or one the AST path refuses.
    }
  }
  const result = { mutants: 0, valid: 0, scanned: 0, findings: [] }
  if (modules.length === 0) return result
  for (let i = 0; i < mutants; i++) {
    const { file, source, names } = modules[Math.floor(next() * modules.length)]
    const { what, code } = mutate(source, names, next)
    result.mutants++
    let reference
    let refused
    try {
      reference = transformEsm(code, file, { ast: true })
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error
      refused = error
    }
    let scanned
    try {
      scanned = transformEsm(code, file)
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error
    }
    if (reference) {
      result.valid++
      // Counted, so that a run cannot pass by the scan giving up everywhere (the AST path then agrees with itself).
      if (scannedItself(scanEsm, code)) result.scanned++
    }
    if (!scanned || (reference && scanned.code === reference.code)) continue
    if (reference) {
      const same = layout(scanned.code) === layout(reference.code) && scanned.async === reference.async && scanned.usesMeta === reference.usesMeta &&
        JSON.stringify([scanned.imports, scanned.exportNames, scanned.indirect]) === JSON.stringify([reference.imports, reference.exportNames, reference.indirect])
      if (!same && compiles(scanned.code)) result.findings.push({ kind: 'misread', file, what, code })
    } else if (compiles(scanned.code) && passes(checkModuleBody, scanned, file) && !nodeAccepts(code)) {
      result.findings.push({ kind: `accepted what the AST path refuses (${refused.message})`, file, what, code })
    }
  }
  return result
}

/** Whether Node itself parses the mutant as a module (rollup's parser refuses a few that Node accepts). */
function nodeAccepts(code) {
  try {
    execFileSync(process.execPath, ['--check', '--input-type=module'], { input: code, stdio: ['pipe', 'ignore', 'ignore'] })
    return true
  } catch {
    return false
  }
}

/** Whether the scan transformed the module itself: it did not give up (nor find an error of its own). */
function scannedItself(scanEsm, code) {
  try {
    return scanEsm(code.startsWith('#!') ? `//${code.slice(2)}` : code) !== undefined
  } catch (error) {
    if (error instanceof SyntaxError) return false
    throw error
  }
}

function passes(checkModuleBody, transform, file) {
  try {
    checkModuleBody(transform.code.slice(transform.bodyStart, -3), file, transform.async, transform.importedNames)
    return true
  } catch {
    return false
  }
}

function main() {
  const option = (name, fallback) => {
    const at = process.argv.indexOf(`--${name}`)
    return at === -1 ? fallback : Number(process.argv[at + 1])
  }
  const mutants = option('mutants', 2000)
  const seed = option('seed', 1)
  const dist = ['scan-esm', 'transform-esm', 'check-module-body'].map((name) => import(`../dist/esm/${name}.js`))
  return Promise.all(dist).then(([{ scanEsm }, { transformEsm }, { checkModuleBody }]) => {
    const start = performance.now()
    const result = fuzzScan({ scanEsm, transformEsm, checkModuleBody }, { mutants, seed })
    const out = resolve(here, '../.tmp/fuzz-scan')
    result.findings.forEach((finding, i) => {
      mkdirSync(out, { recursive: true })
      writeFileSync(join(out, `${seed}-${i}.mjs`), `// ${finding.kind}: ${finding.file}, ${finding.what}\n${finding.code}`)
    })
    process.stdout.write(`${result.mutants} mutants from seed ${seed} in ${((performance.now() - start) / 1000).toFixed(1)} s: ${result.valid} valid, ${result.scanned} scanned, ${result.findings.length} findings\n`)
    for (const finding of result.findings) process.stdout.write(`  ${finding.kind}: ${finding.file}: ${finding.what}\n`)
    if (result.findings.length !== 0) {
      process.stdout.write(`  (mutants written to ${out})\n`)
      process.exitCode = 1
    }
  })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main()
