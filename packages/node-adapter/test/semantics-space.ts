import { afterEach } from 'vitest'
import { ModuleSpace } from '../src/index.js'
import { fixture } from './fixture-path.js'

/** A fresh self-first space over test/fixtures/semantics per call, disposed after each test of the calling file. */
export function semanticsSpaces(): () => ModuleSpace {
  let space: ModuleSpace | undefined
  afterEach(async () => {
    await space?.dispose()
    space = undefined
  })
  return () => (space = new ModuleSpace({ parent: undefined, root: fixture('semantics'), delegation: 'self-first' }))
}
