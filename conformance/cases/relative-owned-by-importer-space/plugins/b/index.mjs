export * as shared from '../a/lib/shared.mjs'
