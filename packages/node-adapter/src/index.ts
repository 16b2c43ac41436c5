export { ModuleSpace, type ModuleSpaceOptions, type RunMainOptions } from './module-space.js'
export { createSpaces, Spaces, type CreateSpacesOptions } from './create-spaces.js'
export { currentSpace } from './current-space.js'
export { clearCompileCache } from './compile-cache.js'
