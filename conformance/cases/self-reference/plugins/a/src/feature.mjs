export * as util from 'plugin-a/util'
export * as utilDirect from './util.mjs'
