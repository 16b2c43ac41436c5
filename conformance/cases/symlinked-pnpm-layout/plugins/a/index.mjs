export * as linked from 'linked'
