exports.addon = require('gyp-addon')
