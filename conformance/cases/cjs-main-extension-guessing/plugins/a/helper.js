// plugin a's helper: one token per instance
exports.token = {}
