export * as helper from './helper.mjs'
export * as sub from 'esm-lib/lib/sub.js'
export * as legacy from 'legacy'
