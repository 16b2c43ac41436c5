export * as self from 'plugin-a'
