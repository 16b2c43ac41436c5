// plugin a's helper: one token per instance
export const token = {}
