exports.dual = require('dual')
exports.platform = require('dual/platform')
