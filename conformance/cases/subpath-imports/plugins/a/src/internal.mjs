// an internal module: one token per instance
export const token = {}
