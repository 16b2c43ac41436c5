import { spawn } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// `npm run demo -- --watch`, run as a user runs it, on a copy of the plugin host: files are edited as an editor
// saves them and the test reads what the host prints.
const main = fileURLToPath(new URL('../src/main.mjs', import.meta.url))
const hostFolder = fileURLToPath(new URL('../watch-host', import.meta.url))
const phrases = 'plugins/greeter/phrases.js'

let dir
let child
let output = ''
let exited

/** Resolves to the match of `pattern` in what the host printed after `from`, waiting for it to appear. */
function printed(pattern, from = 0, timeoutMs = 30_000) {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const poll = () => {
      const match = pattern.exec(output.slice(from))
      if (match) return resolve(Object.assign(match, { end: from + match.index + match[0].length }))
      if (Date.now() - started > timeoutMs) return reject(new Error(`the host did not print ${pattern} in ${timeoutMs} ms; it printed:\n${output}`))
      setTimeout(poll, 20)
    }
    poll()
  })
}

/** Writes a file of the copy and waits for the host to report reload number `n` (loaded or failed). */
async function edit(file, text, n) {
  const from = output.length
  writeFileSync(join(dir, file), text)
  const reload = await printed(new RegExp(`(↻|✗) greeter [^\\n]*\\(reload ${n}, [^\\n]*\\n(ticker: \\d+ ticks · greeter: [^\\n]*)\\n`), from)
  return { line: reload[0], status: reload[2], ticker: Number(/ticker: (\d+) ticks/.exec(reload[2])[1]) }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'modspace-watch-'))
  cpSync(hostFolder, dir, { recursive: true })
  child = spawn(process.execPath, [main, '--watch', dir], { stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  exited = new Promise((resolve) => child.on('exit', resolve))
  // The first periodic status: the ticker has counted for a while before anything is edited.
  await printed(/ticker: 20 ticks/)
}, 60_000)

afterAll(async () => {
  child?.kill('SIGINT')
  await exited
  rmSync(dir, { recursive: true, force: true })
})

describe('the plugin host in watch mode', () => {
  it('loads an edited plugin again while the other plugin keeps its state', async () => {
    const { line, status, ticker } = await edit(phrases, "export const greeting = 'Howdy'\n", 1)
    expect(line).toMatch(/↻ greeter loaded again \(reload 1, \d+ ms\) · heap [\d.]+ MiB/)
    expect(status).toMatch(/greeter: "Howdy, world" \(0 ticks since it loaded\)/)
    // Loaded again, the ticker would have started from 0.
    expect(ticker).toBeGreaterThanOrEqual(20)
  }, 60_000)

  it('reports a syntax error and a throwing plugin with file:line, keeps running, and takes the fix', async () => {
    const before = (await edit(phrases, "export const greeting = 'Hi'\nexport const oops = ;\n", 2))
    expect(before.line).toContain('✗ greeter failed to load (reload 2')
    expect(before.line).toContain('plugins/greeter/phrases.js:2  SyntaxError: ')
    expect(before.status).toContain('greeter: not loaded (plugins/greeter/phrases.js:2  SyntaxError')

    const thrown = await edit(phrases, "export const greeting = 'Hi'\n\nthrow new Error('no greeting today')\n", 3)
    expect(thrown.line).toContain('plugins/greeter/phrases.js:3  Error: no greeting today; the host keeps running')

    const fixed = await edit(phrases, "export const greeting = 'Back'\n", 4)
    expect(fixed.line).toContain('↻ greeter loaded again (reload 4')
    expect(fixed.status).toContain('greeter: "Back, world"')
    expect(fixed.ticker).toBeGreaterThan(before.ticker)
  }, 60_000)

  it('reports a plugin whose tick() throws, once, with file:line, and keeps ticking the others', async () => {
    const from = output.length
    const index = join(dir, 'plugins/greeter/index.js')
    const source = readFileSync(index, 'utf8')
    const { ticker } = await edit('plugins/greeter/index.js', source.replace('  ticks += 1\n', "  throw new Error('tick refused')\n"), 5)
    const reported = await printed(/✗ greeter: tick\(\) threw: (.*)\n/, from)
    expect(reported[1]).toBe('plugins/greeter/index.js:9  Error: tick refused')
    const later = await printed(/\nticker: (\d+) ticks · greeter: "Back, world" \(0 ticks since it loaded\)\n/, reported.end)
    expect(Number(later[1])).toBeGreaterThan(ticker)
    expect(output.slice(from).match(/tick\(\) threw/g)).toHaveLength(1)
    await edit('plugins/greeter/index.js', source, 6)
  }, 60_000)

  it('keeps the heap flat over many reloads', async () => {
    const heaps = []
    for (let n = 7; n <= 26; n++) {
      const { line } = await edit(phrases, `export const greeting = 'Hello ${n}'\n`, n)
      heaps.push(Number(/heap ([\d.]+) MiB/.exec(line)[1]))
    }
    // Each greeter builds a table of several MiB as it loads: one space kept alive per reload would add that much
    // every time. The first reloads still warm up (compiled code, caches), so they are left out.
    const growth = heaps.at(-1) - heaps[4]
    expect(growth, `heaps after each reload: ${heaps.join(', ')} MiB`).toBeLessThan(1.5)
  }, 120_000)
})
