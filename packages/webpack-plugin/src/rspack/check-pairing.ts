import { ErrorCodes, ModspaceError, type ResolveRequest } from '@modspace/core'

type ImportKind = NonNullable<ResolveRequest['kind']>

/**
 * The kind each contested request was decided for (an `import` and a `require` of one specifier from one importer,
 * decided differently), checked when rspack creates the module: rspack's hooks cannot say which of the two dependencies
 * reached `resolve` first (decision-queue.ts), so a build where they crossed fails instead of mixing them up.
 */
export class PairingCheck {
  readonly #expected = new Map<string, ImportKind>()

  expect(request: string, kind: ImportKind): void {
    this.#expected.set(request, kind)
  }

  /** Throws when rspack created `resource` for a dependency of the other kind. */
  check(resource: string, dependencyType: string): void {
    const expected = this.#expected.get(resource)
    if (!expected) return
    const actual = /\bcjs\b|require|amd/.test(dependencyType) ? 'require' : 'import'
    if (actual === expected) return
    throw new ModspaceError(ErrorCodes.UNSUPPORTED_BUNDLER, `rspack reached ${resource} for a ${actual} that modspace decided as an ${expected}: an import and a require of one specifier from one file were answered out of order.`, {
      expected: 'rspack to take the dependencies of one module in the order it gave them to the externals step',
      fix: 'import the specifier one way in that file (only import, or only require), or build with webpack',
    })
  }
}
