export * as helper from './helper'
