import { buildWithRolldown } from './build-with-rolldown.js'
import { describeCorpus } from './conformance-suite.js'

// The same corpus and the same assertion as under Rollup: rolldown (Vite 8's bundler) runs the plugin unchanged.
describeCorpus('rolldown()', buildWithRolldown)
