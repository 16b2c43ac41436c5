import * as realCrypto from 'node:crypto'
// The module object itself (a namespace import would carry a `default` key into the overrides spread from it, which
// jiti's interop then takes for the module: the real fs).
import realFs from 'node:fs'
import * as realTty from 'node:tty'
import { afterEach, describe, expect, it } from 'vitest'
import { testFor } from './known-failures.js'
import type { ModuleSpace } from '@modspace/node-adapter'
import type { Door } from './native/run-reference.js'
import { doorOf, newSpace, repoRoot } from './space-doors.js'

// Overrides and blocks as the packages' own code sees them: each probe replaces a builtin the package reads (by
// `import` or by `require`, at load or when called) and checks the package's behaviour follows the replacement.
const opened: ModuleSpace[] = []
afterEach(async () => Promise.all(opened.splice(0).map((space) => space.dispose())))
const open = (name: string, overrides?: Record<string, string | false>): ModuleSpace => {
  const space = newSpace(name, overrides ? { overrides } : {})
  opened.push(space)
  return space
}
const api = (mod: any): any => mod.default ?? mod

describe.each<Door>(['import', 'require'])('overrides seen by real packages, through %s()', (door) => {
  it('typescript reads files through an overridden node:fs (CommonJS require of a builtin)', async () => {
    const virtual = '/virtual/corpus.ts'
    const space = open(`ts-${door}`).override('node:fs', {
      ...realFs,
      readFileSync: (file: any, ...rest: any[]) => (file === virtual ? Buffer.from('let x = 1') : (realFs.readFileSync as any)(file, ...rest)),
    })
    const ts = api(await (await doorOf(space, door))('typescript'))
    expect(ts.sys.readFile(virtual)).toBe('let x = 1')
  }, 60_000)

  it('chalk 5 takes its colour level from an overridden node:process (ES module import of a builtin)', async () => {
    const env = { FORCE_COLOR: '2' }
    const space = open(`chalk-${door}`).override('node:process', new Proxy(process, { get: (target, key) => (key === 'env' ? env : Reflect.get(target, key)) }))
    const chalk = api(await (await doorOf(space, door))('chalk'))
    expect(chalk.level).toBe(2)
  })

  it('debug asks an overridden node:tty whether stderr is a terminal', async () => {
    const space = open(`debug-${door}`).override('node:tty', { ...realTty, isatty: () => true })
    const debug = api(await (await doorOf(space, door))('debug'))
    expect(debug('corpus').useColors).toBe(true)
    const plain = api(await (await doorOf(open(`debug-plain-${door}`), door))('debug'))
    expect(plain('corpus').useColors).toBe(realTty.isatty(process.stderr.fd))
  })

  it('nanoid draws its randomness from an overridden node:crypto', async () => {
    const zeros = { ...realCrypto.webcrypto, getRandomValues: <T extends ArrayBufferView>(bytes: T) => (new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength).fill(0), bytes) }
    const space = open(`nanoid-${door}`).override('node:crypto', { ...realCrypto, webcrypto: zeros })
    const { nanoid, urlAlphabet } = await (await doorOf(space, door))('nanoid')
    expect(nanoid(8)).toBe(urlAlphabet[0].repeat(8))
  })

  it('pino writes its log lines through sonic-boom into an overridden node:fs', async () => {
    const written: string[] = []
    const space = open(`pino-${door}`).override('node:fs', {
      ...realFs,
      writeSync: (fd: number, data: any, ...rest: any[]) =>
        fd === 1 ? (written.push(String(data)), Buffer.byteLength(String(data))) : (realFs.writeSync as any)(fd, data, ...rest),
    })
    const pino = api(await (await doorOf(space, door))('pino'))
    const logger = pino({ base: null, timestamp: false }, pino.destination({ dest: 1, sync: true }))
    logger.info('through the override')
    expect(written.map((line) => JSON.parse(line))).toEqual([{ level: 30, msg: 'through the override' }])
  })

  it('yargs (through y18n) reads its locale files through an overridden node:fs', async () => {
    const space = open(`yargs-${door}`).override('node:fs', {
      ...realFs,
      readFileSync: (file: any, ...rest: any[]) =>
        String(file).endsWith('/locales/fr.json') ? JSON.stringify({ 'Options:': 'Réglages :' }) : (realFs.readFileSync as any)(file, ...rest),
    })
    const yargs = api(await (await doorOf(space, door))('yargs'))
    const help = await yargs([]).scriptName('corpus').locale('fr').option('port', { type: 'number' }).getHelp()
    expect(help).toContain('Réglages :')
  })

  testFor('jiti', door, 'override')('code that jiti runs sees the override (jiti requires through node:module createRequire)', async () => {
    const space = open(`jiti-${door}`).override('node:fs', { ...realFs, marker: 'the space' })
    const { createJiti } = await (await doorOf(space, door))('jiti')
    const jiti = createJiti(`${repoRoot}corpus.js`, { fsCache: false, moduleCache: false })
    const source = "import fs from 'node:fs'\nexport const marker: string = (fs as any).marker\n"
    expect(jiti.evalModule(source, { filename: `${repoRoot}virtual.ts`, ext: '.ts' }).marker).toBe('the space')
  })

  it('a blocked node:fs stops figlet, which reads its fonts with it, from loading', async () => {
    const space = open(`figlet-${door}`, { 'node:fs': false })
    await expect((await doorOf(space, door))('figlet')).rejects.toMatchObject({ code: 'MODSPACE_BLOCKED' })
  })
})
