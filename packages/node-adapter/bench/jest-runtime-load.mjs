// The peer: jest-runtime's module registry (what `jest.isolateModules` gives), set up by hand without jest-config or
// a test environment package: a fresh vm context with Node's globals, no transforms, a haste map of the tree only.
import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import vm from 'node:vm'
import { createScriptTransformer } from '@jest/transform'
import jestRuntime from 'jest-runtime'
import { ModuleMocker } from 'jest-mock'

// jest-runtime is CommonJS with `exports.default`; Node's named-export detection may or may not unwrap it.
const Runtime = jestRuntime.default ?? jestRuntime

const GLOBALS = ['process', 'Buffer', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'queueMicrotask', 'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'AbortController', 'AbortSignal', 'Event', 'EventTarget', 'console', 'structuredClone', 'performance', 'WebAssembly']

export async function createJestRuntime(repoRoot, treeDir) {
  const config = {
    id: `modspace-bench-${process.pid}`,
    rootDir: treeDir,
    roots: [treeDir],
    cacheDirectory: join(tmpdir(), 'modspace-bench-jest'),
    moduleFileExtensions: ['js', 'json', 'node', 'mjs', 'cjs'],
    haste: {},
    modulePathIgnorePatterns: [],
    watchPathIgnorePatterns: [],
    moduleDirectories: ['node_modules'],
    moduleNameMapper: [],
    modulePaths: [],
    automock: false,
    cache: false,
    extensionsToTreatAsEsm: [],
    fakeTimers: {},
    injectGlobals: false,
    sandboxInjectedGlobals: [],
    setupFiles: [],
    transform: [],
    transformIgnorePatterns: [],
    testEnvironmentOptions: {},
  }
  mkdirSync(config.cacheDirectory, { recursive: true })
  const hasteMap = await (await Runtime.createHasteMap(config, { maxWorkers: 1, resetCache: true, watch: false, watchman: false })).build()
  const resolver = Runtime.createResolver(config, hasteMap.moduleMap)
  const transformer = await createScriptTransformer(config)
  const context = vm.createContext()
  const global = vm.runInContext('this', context)
  for (const name of GLOBALS) global[name] = globalThis[name]
  global.global = global
  const environment = {
    global,
    getVmContext: () => context,
    moduleMocker: new ModuleMocker(global),
    fakeTimers: null,
    fakeTimersModern: null,
    exportConditions: () => ['node', 'node-addons'],
  }
  const globalConfig = { collectCoverage: false, coverageProvider: 'babel' }
  return new Runtime(config, environment, resolver, transformer, new Map(), { collectCoverage: false, coverageProvider: 'babel', changedFiles: undefined, sourcesRelatedToTestsInChangedFiles: undefined }, join(repoRoot, 'bench-entry.js'), globalConfig)
}
