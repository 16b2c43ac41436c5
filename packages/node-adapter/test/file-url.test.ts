import { pathToFileURL } from 'node:url'
import { expect, it } from 'vitest'
import { fileUrlOf } from '../src/esm/file-url.js'

// The URL of a module's file, made without a URL object for a common path: always what pathToFileURL gives.
it.each([
  '/work/app/node_modules/@sinclair/typebox/build/esm/index.mjs',
  '/a/node_modules/.pnpm/pkg@1.0.0_peer@2/node_modules/pkg/x.js',
  "/a/b-c_d.e/!$&'()*+,;=:@/g.js",
  '/a/b~c.js',
  '/a b/c.js',
  '/a%20b/c.js',
  '/a#b/c?.js',
  '/a/ünï/cödé.js',
  '/a/"q"/<x>/`t`/{y}/^z|[w].js',
  '/a\\b/c.js',
  '/a/./b/../c.js',
  '/a//b.js',
  '/a/b/',
  '/a/..',
  '/a/.hidden/.js',
  '/a/tab\there.js',
  '/a/new\nline.js',
])('%j', (path) => {
  expect(fileUrlOf(path)).toBe(pathToFileURL(path).href)
})
