export * as util from 'plugin-a/util'
