exports.cp = require('node:child_process')
