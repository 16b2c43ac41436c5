import { describeCorpus } from './corpus-suite.js'
import { runWebpack } from './run-webpack.js'

describeCorpus('webpack', runWebpack)
