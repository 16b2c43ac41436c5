// A plugin written against logger 1.x, living in the same process as a host on logger 2.x.
const logger = require('@example/logger')
const ui = require('@example/ui-kit')
exports.logger = logger
exports.ui = ui
exports.describe = () => `legacy-reports uses @example/logger@${logger.version}, ui-kit@${ui.version} (mount #${ui.mount('legacy-reports')})`
