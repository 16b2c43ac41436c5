import { ErrorCodes, ModspaceError, type ResolveRequest } from '@modspace/core'
import { untagged } from './space-tag.js'

type ImportKind = NonNullable<ResolveRequest['kind']>

interface Contested {
  issuer: string
  request: string
  kind: ImportKind
}

/** What rspack's module graph gives about one incoming dependency (`ModuleGraphConnection` of @rspack/core 2.3). */
export interface IncomingDependency {
  originModule?: { resource?: string } | null
  dependency?: { category?: string; request?: string } | null
}

/**
 * The kind each contested request was decided for (an `import` and a `require` of one specifier from one importer,
 * decided differently), checked once the modules are built: rspack's hooks cannot say which of the two dependencies
 * reached `resolve` first (decision-queue.ts), so a build where they crossed fails instead of mixing them up. Checked
 * from the module graph rather than in a per-module hook, which every module would pay for.
 */
export class PairingCheck {
  readonly #expected = new Map<string, Contested>()

  expect(resource: string, contested: Contested): void {
    this.#expected.set(resource, contested)
  }

  /** The error for a module rspack created for a dependency of the other kind than its request was decided for. */
  check(resource: string, incoming: Iterable<IncomingDependency>): ModspaceError | undefined {
    const expected = this.#expected.get(resource)
    if (!expected) return undefined
    for (const { originModule, dependency } of incoming) {
      if (!originModule?.resource || untagged(originModule.resource) !== expected.issuer || dependency?.request !== expected.request) continue
      const actual = /commonjs|amd/.test(dependency.category ?? '') ? 'require' : 'import'
      if (actual !== expected.kind) return crossed(resource, actual, expected)
    }
    return undefined
  }

  /** Forgets every expectation (each build decides again: a stale one would report a pairing that no longer exists). */
  clear(): void {
    this.#expected.clear()
  }

  get size(): number {
    return this.#expected.size
  }
}

function crossed(resource: string, actual: ImportKind, expected: Contested): ModspaceError {
  return new ModspaceError(ErrorCodes.UNSUPPORTED_BUNDLER, `rspack gave ${untagged(resource)} to ${article(actual)} of "${expected.request}" that modspace decided as ${article(expected.kind)}: an import and a require of one specifier from one file were answered out of order.`, {
    importer: expected.issuer,
    specifier: expected.request,
    expected: 'rspack to take the dependencies of one module in the order it gave them to the externals step',
    fix: `import "${expected.request}" one way in ${expected.issuer} (only import, or only require), or build with webpack`,
  })
}

function article(kind: ImportKind): string {
  return kind === 'import' ? 'an import' : 'a require'
}
