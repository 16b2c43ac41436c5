export * as addon from 'gyp-addon'
