export * as internal from '#internal'
export * as config from '#config'
export * as logger from '#logger'
