// plugin a's src folder: one token per instance
exports.token = {}
