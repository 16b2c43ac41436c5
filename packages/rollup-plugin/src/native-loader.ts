/**
 * Native addons stay outside the bundle and load once, at run time, through Node's own `require`: its cache is what
 * makes a pinned addon one instance for the whole process. A `.node` file cannot be `import`ed, so it gets this small
 * virtual module; a native package's JavaScript is left as a plain external import instead.
 */
export const NATIVE_PREFIX = '\0modspace-native:'

export function nativeLoaderSource(file: string): string {
  return [
    `import { createRequire } from 'node:module'`,
    `export default createRequire(import.meta.url)(${JSON.stringify(file)})`,
    '',
  ].join('\n')
}
