export * as missing from 'node:no-such-builtin'
