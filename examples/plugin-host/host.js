// The host application's own code, owned by the root space.
import * as logger from '@example/logger'
export { logger }
