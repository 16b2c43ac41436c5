export * as net from 'net'
export * as nodeNet from 'node:net'
