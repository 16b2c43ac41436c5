import type { ResolveResult } from '@modspace/core'
import type { PlannedRequest } from '../plan-request.js'

/** What modspace decided for one dependency, from rspack's externals step to its `resolve` hook. */
export type RspackDecision = { plan: PlannedRequest; result: ResolveResult } | { plan: PlannedRequest; error: unknown }

/** A dependency as both rspack's externals function and its `resolve` hook see it. */
export interface DependencyKey {
  request: string
  context: string
  issuer: string
  issuerLayer: string | null | undefined
}

/**
 * Hands each decision from the externals function (the one rspack 2.3 hook that gives a dependency's category, so
 * the one that can ask the core) to the `resolve` hook of the same dependency. Neither sees an object of the other,
 * so a dependency is known by what both see. Two dependencies of one importer with the same request (an `import` and
 * a `require` of one package) share a key; rspack runs both hooks for a module's dependencies in the same order, so
 * the queue is first in, first out. Where such decisions differ, `take` says so, and the module rspack creates is
 * checked against the kind it was decided for (`check-pairing.ts`).
 */
export class DecisionQueue {
  readonly #pending = new Map<string, RspackDecision[]>()

  push(key: DependencyKey, decision: RspackDecision): void {
    const id = keyOf(key)
    const list = this.#pending.get(id)
    if (list) list.push(decision)
    else this.#pending.set(id, [decision])
  }

  /** The first decision for `key`, and whether another one pending for the same key decided otherwise. */
  take(key: DependencyKey): { decision: RspackDecision; contested: boolean } | undefined {
    const id = keyOf(key)
    const list = this.#pending.get(id)
    const decision = list?.shift()
    if (!list || !decision) return undefined
    if (list.length === 0) this.#pending.delete(id)
    return { decision, contested: list.some((other) => outcomeOf(other) !== outcomeOf(decision)) }
  }

  /** Decisions no `resolve` hook took (a user's externals took the dependency after modspace's): dropped per build. */
  clear(): void {
    this.#pending.clear()
  }
}

function keyOf({ request, context, issuer, issuerLayer }: DependencyKey): string {
  return `${request}\0${context}\0${issuer}\0${issuerLayer ?? ''}`
}

function outcomeOf(decision: RspackDecision): string {
  return 'result' in decision ? `${decision.result.space}\0${decision.result.id}` : 'error'
}
