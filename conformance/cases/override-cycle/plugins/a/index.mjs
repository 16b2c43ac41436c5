export * as logger from 'logger-a'
