exports.linked = require('linked')
