// a fake os for space b: one token per instance
exports.token = {}
