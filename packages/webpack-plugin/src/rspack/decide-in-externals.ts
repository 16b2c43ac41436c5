import { relative } from 'node:path'
import { isBuiltin } from 'node:module'
import { ErrorCodes, ROOT_SPACE, blockedImportError, isModspaceError, nativeInBrowserError, specifierType, type ResolveResult, type SpaceGraph } from '@modspace/core'
import { bundleConditions } from '../bundle-conditions.js'
import { planRequest, type PlannedRequest } from '../plan-request.js'
import { matchesAlias, type AliasOption } from '../user-alias.js'
import type { DecisionQueue, DependencyKey } from './decision-queue.js'
import { isStrictEsm } from './strict-esm.js'
import { untagged } from './space-tag.js'

/** What rspack gives an `externals` function (`ExternalItemFunctionData` of @rspack/core 2.3). */
export interface ExternalsData {
  request?: string
  context?: string
  dependencyType?: string
  contextInfo?: { issuer: string; issuerLayer?: string | null }
  getResolve?: () => (context: string, request: string) => Promise<string | undefined>
}
export type ExternalsCallback = (error?: Error | null, result?: string, type?: string) => void

export interface ExternalsState {
  graph: () => SpaceGraph
  target: () => 'node' | 'browser'
  /** Whether the plugin took Node's builtins over from `externalsPresets.node`, which would take an overridden `node:x` first. */
  builtins: () => boolean
  esmOutput: () => boolean
  context: string
  alias: AliasOption | undefined
  queue: DecisionQueue
  /** Each native addon's external request and the core's answer, for the manifest. */
  externalDecisions: Map<string, ResolveResult>
}

type Outcome = { external: string; type: string } | { error: unknown } | undefined

/**
 * The plugin's `externals` function under rspack: the first step of rspack 2.3 that knows whether a dependency is an
 * `import` or a `require`, so the core is asked here. A pinned native addon or a builtin becomes an external; a
 * refusal fails the dependency; a file's decision is queued for the `resolve` hook, which rewrites the request.
 */
export function decideInExternals(state: ExternalsState): (data: ExternalsData, callback: ExternalsCallback) => void {
  const types = new Map<string, boolean>()
  return (data, callback) => {
    const deliver = (outcome: Outcome): void => {
      if (!outcome) return callback()
      if ('error' in outcome) return callback(outcome.error as Error)
      return callback(null, outcome.external, outcome.type)
    }
    let outcome: Outcome | Promise<Outcome>
    try {
      outcome = decide(state, data, types)
    } catch (error) {
      return callback(error as Error)
    }
    // Answered at once unless rspack's resolver must be asked first: one round trip less per import than a promise.
    if (outcome instanceof Promise) outcome.then(deliver, (error: unknown) => callback(error as Error))
    else deliver(outcome)
  }
}

function decide(state: ExternalsState, data: ExternalsData, types: Map<string, boolean>): Outcome | Promise<Outcome> {
  const graph = state.graph()
  const request = data.request ?? ''
  const context = data.context ?? state.context
  const issuer = data.contextInfo?.issuer ?? ''
  const issuerLayer = data.contextInfo?.issuerLayer || undefined
  const target = state.target()
  const conditions = bundleConditions(graph, target)
  const facts = { request, context, issuer, issuerLayer, category: data.dependencyType ?? 'unknown', issuerIsStrictEsm: issuer !== '' && isStrictEsm(graph.host, issuer, types) }
  const plan = planRequest(graph, facts, conditions)
  if (!plan) return state.builtins() && isBuiltin(request) ? { external: request, type: 'node-commonjs' } : undefined
  const key: DependencyKey = { request, context, issuer, issuerLayer: data.contextInfo?.issuerLayer }

  const aliased = specifierType(plan.request.specifier) === 'bare' && matchesAlias(plan.request.specifier, state.alias)
  let result: ResolveResult | undefined
  let failure: unknown
  if (!aliased) {
    try {
      result = graph.resolve(plan.request)
    } catch (error) {
      // An unknown `node:` name is the core's to refuse (Node's builtins are the core's to decide under rspack).
      if (plan.request.specifier.startsWith('node:')) return { error }
      failure = error
      // Only a path the build's `resolve.extensions` may complete is looked for again; any other refusal waits for
      // the `resolve` hook, in case a user's externals after this one take the request.
      if (!(isModspaceError(error) && error.code === ErrorCodes.NOT_FOUND && /^(relative|absolute)$/.test(specifierType(plan.request.specifier)))) {
        state.queue.push(key, { plan, error })
        return undefined
      }
    }
  }
  if (!result) return decideLocated(state, data, plan, key, failure)
  return answer(state, plan, result, key, target)
}

/** A user's alias, or a path only rspack's own resolver completes: the core is asked about the file rspack finds. */
async function decideLocated(state: ExternalsState, data: ExternalsData, plan: PlannedRequest, key: DependencyKey, failure: unknown): Promise<Outcome> {
  const found = await locate(data, key.context, key.request)
  if (found === undefined) {
    if (failure !== undefined) state.queue.push(key, { plan, error: failure })
    return undefined
  }
  let result: ResolveResult
  try {
    result = state.graph().resolve({ ...plan.request, specifier: found })
  } catch (error) {
    return { error }
  }
  return answer(state, plan, result, key, state.target())
}

function answer(state: ExternalsState, plan: PlannedRequest, result: ResolveResult, key: DependencyKey, target: 'node' | 'browser'): Outcome {
  if (result.kind === 'blocked') return { error: blockedImportError(plan.request, result) }
  if (result.kind === 'native') {
    if (target === 'browser') return { error: nativeInBrowserError(plan.request, result, importerLine(state.context, plan, key.issuerLayer)) }
    state.externalDecisions.set(result.id, result)
    return { external: result.id, type: state.esmOutput() ? 'node-commonjs' : 'commonjs' }
  }
  if (result.kind === 'builtin') return state.builtins() ? { external: key.request, type: 'node-commonjs' } : undefined
  state.queue.push(key, { plan, result })
  return undefined
}

/** rspack's externals step does not give the module graph: the chain is the importer alone. */
function importerLine(context: string, plan: PlannedRequest, issuerLayer: string | null | undefined): string[] {
  const importer = plan.request.importer
  if (!importer) return []
  const path = relative(context, importer)
  return [plan.request.space === ROOT_SPACE || !issuerLayer ? path : `${path} (space ${plan.request.space})`]
}

async function locate(data: ExternalsData, context: string, request: string): Promise<string | undefined> {
  try {
    const found = await data.getResolve?.()(context, request)
    return typeof found === 'string' ? untagged(found) : undefined
  } catch {
    return undefined
  }
}

