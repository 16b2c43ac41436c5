// linked@1.0.0: one token per instance
exports.token = {}
