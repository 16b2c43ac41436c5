// A modern plugin: shares the host's logger 2.x (its range allows it) and brings its own chart library.
import * as logger from '@example/logger'
import * as chart from '@example/chart-lib'
import ui from '@example/ui-kit'
import net from 'node:net'

export { logger, chart, ui, net }
export const describe = () =>
  `charts uses @example/logger@${logger.version}, chart-lib@${chart.version}, ui-kit@${ui.version} (mount #${ui.mount('charts')}), net is ${net.fake ? 'the fake' : 'the real one'}`
