import { dirname } from 'node:path'
import { buildWithVite } from './build-with-vite.js'
import { describeCorpus } from './conformance-suite.js'

// The same corpus and the same assertion as under Rollup, through `vite build --ssr` (Node is the corpus's target).
describeCorpus('vite build --ssr', (input, options, { dir }) => buildWithVite(dirname(String(options.config)), input, options, dir, true))
