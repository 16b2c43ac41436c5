require('graceful-fs')
