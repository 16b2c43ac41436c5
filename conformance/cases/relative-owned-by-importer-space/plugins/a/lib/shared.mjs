// plugin a's shared module: one token per instance
export const token = {}
