export * as quietLogger from 'quiet-logger'
export * as logger from 'logger'
