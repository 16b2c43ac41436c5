// plugin-a@2.0.0 util: one token per instance
export const token = {}
