export * as api from './api.mjs'
