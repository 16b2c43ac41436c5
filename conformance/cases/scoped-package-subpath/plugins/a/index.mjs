export * as ui from '@corp/ui'
export * as button from '@corp/ui/button.js'
export * as icons from '@corp/icons'
