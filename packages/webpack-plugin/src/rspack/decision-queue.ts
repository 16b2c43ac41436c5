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
 * the queue is first in, first out, and `createModule` checks the pairing (`checkPairing`).
 */
export class DecisionQueue {
  readonly #pending = new Map<string, RspackDecision[]>()

  push(key: DependencyKey, decision: RspackDecision): void {
    const id = keyOf(key)
    const list = this.#pending.get(id)
    if (list) list.push(decision)
    else this.#pending.set(id, [decision])
  }

  take(key: DependencyKey): RspackDecision | undefined {
    const id = keyOf(key)
    const list = this.#pending.get(id)
    const first = list?.shift()
    if (list && list.length === 0) this.#pending.delete(id)
    return first
  }

  /** Decisions no `resolve` hook took (a user's externals took the dependency after modspace's): dropped per build. */
  clear(): void {
    this.#pending.clear()
  }
}

function keyOf({ request, context, issuer, issuerLayer }: DependencyKey): string {
  return `${request}\0${context}\0${issuer}\0${issuerLayer ?? ''}`
}
