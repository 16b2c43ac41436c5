export * as internal from '#internal'
export * as config from '#config'
