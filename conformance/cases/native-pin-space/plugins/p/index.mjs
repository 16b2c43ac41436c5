export * as addon from 'fake-addon'
