import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createGraph, ErrorCodes, ModspaceError, type ModspaceHost, type ResolveRequest, type ResolveResult, type SpaceGraph } from '../src/index.js'
import { isInside } from '../src/resolve/specifier.js'
import { createListingHost, createMemoryHost } from './memory-host.js'
import { chainOf, NATIVE, PACKAGES, PLAIN, scenario, type Scenario } from './properties/space-tree.js'

// `npm test` runs a bounded number; `npm run fuzz -w @modspace/core` runs many more (MODSPACE_FUZZ_RUNS).
const numRuns = Number(process.env.MODSPACE_FUZZ_RUNS ?? 60)
const CODES = new Set<string>(Object.values(ErrorCodes))

type Answer = { result: ResolveResult } | { error: ModspaceError }

function build(s: Scenario, host: ModspaceHost = createMemoryHost(s.tree)): SpaceGraph {
  return createGraph(s.config, { cwd: '/w', host, onWarning: () => {} })
}

/** Every space, from its root and from its index.js, asked for every package, a relative file and a builtin. */
function requests(s: Scenario): ResolveRequest[] {
  const all: ResolveRequest[] = []
  for (const [space, root] of Object.entries(s.roots)) {
    for (const importer of [undefined, `${root}/index.js`]) {
      for (const specifier of [...PACKAGES, './index.js', 'node:fs']) all.push({ space, specifier, ...(importer ? { importer } : {}) })
    }
  }
  return all
}

function answer(graph: SpaceGraph, request: ResolveRequest): Answer {
  try {
    return { result: graph.resolve(request) }
  } catch (error) {
    // Every rejection is a ModspaceError with a documented code; config-related ones name the config path.
    expect(error).toBeInstanceOf(ModspaceError)
    expect(CODES.has((error as ModspaceError).code)).toBe(true)
    const { code, configPath } = error as ModspaceError
    if (code === ErrorCodes.SHARED_RANGE) expect(configPath).toMatch(/^spaces\..+\.shared\./)
    if (code === ErrorCodes.OVERRIDE_CYCLE) expect(configPath).toMatch(/^spaces\..+\.overrides\./)
    if (code === ErrorCodes.NATIVE_CONFLICT) expect(configPath).toBe('native.onConflict')
    return { error: error as ModspaceError }
  }
}

function answers(s: Scenario, graph = build(s), order = requests(s)): Map<string, Answer> {
  return new Map(order.map((request) => [JSON.stringify(request), answer(graph, request)]))
}

const property = (check: (s: Scenario) => void) => () => fc.assert(fc.property(scenario, check), { numRuns })
// A larger run takes longer; no timing is asserted, the limit only stops a hang.
const timeout = 30_000 + numRuns * 200

describe(`space trees over generated packages (${numRuns} runs each)`, () => {
  it('never hands a space an instance of a sibling: the owner is on its chain, or the pin for a native package', property((s) => {
    const graph = build(s)
    for (const request of requests(s)) {
      const a = answer(graph, request)
      if (!('result' in a)) continue
      const { space, kind, id } = a.result
      if (kind === 'native') {
        expect(space).toBe(s.config.native!.pin)
        continue
      }
      expect(chainOf(s, request.space)).toContain(space)
      // A module file of a space lies under that space's root (an override file is the declaring space's by name).
      if (kind === 'file' && space !== 'root') expect(isInside(id, s.roots[space]!)).toBe(true)
    }
  }), timeout)

  it('shows an override to its space and descendants only', property((s) => {
    const graph = build(s)
    for (const space of Object.keys(s.roots)) {
      const chain = chainOf(s, space)
      for (const pkg of PLAIN) {
        const a = answer(graph, { space, specifier: pkg })
        // The nearest space of the chain that overrides the package decides; no space off the chain ever does.
        const nearest = chain.find((name) => s.config.spaces[name]?.overrides?.[pkg] !== undefined)
        for (const [declaring, files] of Object.entries(s.standIns)) {
          if (files[pkg] && !chain.includes(declaring) && 'result' in a) expect(a.result.id).not.toBe(files[pkg])
        }
        if (nearest === undefined) {
          if ('result' in a) expect(['override', 'blocked']).not.toContain(a.result.kind)
          continue
        }
        const target = s.config.spaces[nearest]!.overrides![pkg]!
        if (target === false) expect('result' in a && a.result).toMatchObject({ kind: 'blocked', space: nearest })
        else if (target.startsWith('.')) expect('result' in a && a.result).toMatchObject({ kind: 'override', space: nearest, id: s.standIns[nearest]![pkg] })
        else if ('result' in a) expect(['override', 'blocked', 'native', 'builtin']).toContain(a.result.kind)
      }
    }
  }), timeout)

  it("gives a shared package as the parent's instance, or an error naming both versions", property((s) => {
    const graph = build(s)
    for (const [space, settings] of Object.entries(s.config.spaces)) {
      const shared = Array.isArray(settings.shared) ? settings.shared : Object.keys(settings.shared ?? {})
      const parent = s.parents[space]!
      for (const pkg of shared) {
        // Overrides come first (rule 1): a shared package overridden on the chain is the override's.
        if (chainOf(s, space).some((name) => s.config.spaces[name]?.overrides?.[pkg as 'p'] !== undefined)) continue
        const mine = answer(graph, { space, specifier: pkg })
        const theirs = answer(graph, { space: parent, specifier: pkg })
        if ('result' in mine) {
          expect('result' in theirs && { space: theirs.result.space, id: theirs.result.id }).toEqual({ space: mine.result.space, id: mine.result.id })
        } else if ('error' in theirs && theirs.error.message === mine.error.message) {
          // The parent's own refusal (its own shared range, a conflict), passed on as it is.
          expect(theirs.error.code).toBe(mine.error.code)
        } else if (mine.error.code === ErrorCodes.SHARED_RANGE) {
          const parentVersion = 'result' in theirs ? theirs.result.package?.version : undefined
          expect(mine.error.message).toContain(`${pkg}@${parentVersion}`)
          const own = s.tree[`${s.roots[space]}/node_modules/${pkg}/package.json`]
          if (typeof own === 'string') expect(mine.error.message).toContain(`${pkg}@${(JSON.parse(own) as { version: string }).version}`)
        } else {
          expect('error' in theirs && theirs.error.code).toBe(mine.error.code)
        }
      }
    }
  }), timeout)

  it('gives a native package one owner per real path, and one copy unless conflicts only warn', property((s) => {
    const graph = build(s)
    const owners = new Map<string, Set<string>>()
    const copies = new Set<string>()
    for (const request of requests(s).filter((r) => r.specifier === NATIVE)) {
      const a = answer(graph, request)
      if (!('result' in a)) {
        expect([ErrorCodes.NATIVE_CONFLICT, ErrorCodes.NOT_FOUND, ErrorCodes.VERSION_MISMATCH, ErrorCodes.SHARED_RANGE, ErrorCodes.BLOCKED]).toContain(a.error.code)
        continue
      }
      expect(a.result.kind).toBe('native')
      owners.set(a.result.id, (owners.get(a.result.id) ?? new Set()).add(a.result.space))
      copies.add(a.result.package!.root)
    }
    for (const owner of owners.values()) expect(owner.size).toBe(1)
    if (s.config.native!.onConflict === 'error') expect(copies.size).toBeLessThanOrEqual(1)
  }), timeout)

  // The listing of a node_modules folder stands in for one lstat per question in it: it must not change an answer.
  it('answers the same through a host that lists folders (lstat and entries) as through one that only stats', property((s) => {
    const listing = createListingHost(s.tree)
    expect(summarize(answers(s, build(s, listing)))).toEqual(summarize(answers(s)))
    expect(listing.calls.entries).toBeGreaterThan(0)
  }), timeout)

  it('answers the same on a fresh graph, and explain() tells the same decision', property((s) => {
    const graph = build(s)
    const first = answers(s, graph)
    const again = answers(s)
    expect(summarize(again)).toEqual(summarize(first))
    for (const [key, a] of first) {
      const request = JSON.parse(key) as ResolveRequest
      const text = graph.explain(request)
      if ('result' in a) expect(text).toContain(`owned by ${a.result.space}: ${a.result.kind} ${a.result.id}`)
      else expect(text).toContain(`[${a.error.code}]`)
    }
  }), timeout)
})

function summarize(all: Map<string, Answer>): Record<string, unknown> {
  return Object.fromEntries([...all].map(([key, a]) => [key, 'result' in a ? a.result : { code: a.error.code, message: a.error.message }]))
}
