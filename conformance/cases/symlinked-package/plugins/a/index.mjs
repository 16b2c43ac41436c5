export * as linked from 'linked'
export * as direct from '../../packages/linked/index.js'
