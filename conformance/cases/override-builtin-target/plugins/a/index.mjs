import 'graceful-fs'
