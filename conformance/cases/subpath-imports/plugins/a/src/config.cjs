// the CommonJS config: one token per instance
exports.token = {}
