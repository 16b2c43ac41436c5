import 'helper-a'
export * as addon from 'fake-addon'
