import { AsyncLocalStorage } from 'node:async_hooks'
import type { ModuleSpace } from './module-space.js'

/** The space whose code is running: set by `space.run(fn)` and by every load through a space, kept across `await`. */
export const spaceContext = new AsyncLocalStorage<ModuleSpace>()

/** The space that started the current (possibly asynchronous) work, or `undefined` outside any space. */
export function currentSpace(): ModuleSpace | undefined {
  return spaceContext.getStore()
}
