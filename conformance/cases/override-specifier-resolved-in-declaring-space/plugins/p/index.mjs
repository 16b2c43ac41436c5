export * as logger from 'logger'
export * as quietLogger from 'quiet-logger'
