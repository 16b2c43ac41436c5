exports.internals = require('sealed/lib/private.js')
