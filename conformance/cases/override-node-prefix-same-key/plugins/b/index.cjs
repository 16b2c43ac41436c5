exports.os = require('os')
exports.nodeOs = require('node:os')
