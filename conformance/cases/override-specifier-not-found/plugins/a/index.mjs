export * as logger from 'logger'
