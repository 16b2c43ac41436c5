import { ROOT_SPACE } from '@modspace/core'
import { ANY_TAG, escapeRegExp, spaceTagQuery } from './space-tag.js'

/** The part of an rspack rule this plugin writes. */
export interface LayerRule {
  resourceQuery: RegExp | { not: RegExp }
  issuerLayer?: RegExp
  layer: string
}

/**
 * The `module.rules` entries that give each module its owner's layer under rspack: a space's tagged requests go to
 * the space's layer. A module rspack creates inherits its importer's layer and no rule can take a layer away, so every
 * root-owned module reached from `root` or from a space goes to the empty layer `''`, which is root's one layer
 * (a module in no layer and one in `''` would be two instances). A module reached from a layer of the user's own
 * keeps it, as under webpack.
 */
export function spaceLayerRules(spaces: Iterable<string>): LayerRule[] {
  const names = [...spaces].filter((name) => name !== ROOT_SPACE)
  const rules: LayerRule[] = names.map((space) => ({ resourceQuery: spaceTagQuery(space), layer: space }))
  // rspack gives an issuer in no layer as '' to the condition.
  const rootOrSpace = new RegExp(`^(?:${names.map(escapeRegExp).join('|')}|)$`)
  rules.push({ resourceQuery: { not: ANY_TAG }, issuerLayer: rootOrSpace, layer: '' })
  return rules
}

