export * as missing from 'missing-pkg'
