// plugin p's logger override: one token per instance
export const token = {}
