import type { ResolveResult } from '@modspace/core'
import type { PairingCheck } from './check-pairing.js'
import type { DecisionQueue } from './decision-queue.js'
import { taggedRequest } from './space-tag.js'

/** What rspack 2.3's `resolve` hook gives (`ResolveData`), as far as this plugin reads and writes it. */
export interface RspackResolveData {
  request: string
  context: string
  contextInfo: { issuer: string; issuerLayer?: string | null }
}

/**
 * rspack's `resolve` hook, after every externals function: the request becomes the file the core decided, tagged with
 * its owner's space (whose rule then gives the module that space's layer); a refusal the externals did not take over
 * fails the dependency here. `resources` keeps each rewritten request's decision, for the manifest.
 */
export function rewriteRequest(data: RspackResolveData, queue: DecisionQueue, resources: Map<string, ResolveResult>, pairing: PairingCheck): void {
  const key = { request: data.request, context: data.context, issuer: data.contextInfo.issuer, issuerLayer: data.contextInfo.issuerLayer }
  const taken = queue.take(key)
  if (!taken) return
  const { decision } = taken
  if ('error' in decision) throw decision.error
  const { kind, id, space } = decision.result
  if (kind !== 'file' && kind !== 'override') return
  data.request = taggedRequest(id, decision.plan.query, space)
  resources.set(data.request, decision.result)
  if (taken.contested) {
    pairing.expect(data.request, { issuer: data.contextInfo.issuer, request: key.request, kind: decision.plan.request.kind ?? 'import' })
  }
}
