exports.config = require('#config')
