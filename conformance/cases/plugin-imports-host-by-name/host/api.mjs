// the host's plugin API: one token per instance
export const token = {}
