export * as platform from 'platform-lib'
export * as fs from 'platform-lib/fs'
