exports.legacy = require('legacy')
exports.dirMain = require('dir-main')
exports.helper = require('./helper')
exports.src = require('./src')
