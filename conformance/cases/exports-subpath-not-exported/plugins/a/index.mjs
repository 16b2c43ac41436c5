export * as sealed from 'sealed'
