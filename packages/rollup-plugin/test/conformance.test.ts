import { buildWithPlugin } from './build-with-plugin.js'
import { describeCorpus } from './conformance-suite.js'

describeCorpus('rollup()', buildWithPlugin)
