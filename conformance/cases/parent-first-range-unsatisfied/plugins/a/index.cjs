exports.dep = require('dep')
