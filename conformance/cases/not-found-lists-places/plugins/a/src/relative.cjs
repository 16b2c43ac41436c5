exports.missing = require('./missing-file')
