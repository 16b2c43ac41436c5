import { ModspacePlugin } from './modspace-plugin.js'

export { ModspacePlugin }
export { DEFAULT_MANIFEST, type ModspacePluginOptions } from './options.js'
export default ModspacePlugin
