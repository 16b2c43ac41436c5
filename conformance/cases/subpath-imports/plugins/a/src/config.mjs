// the ESM config: one token per instance
export const token = {}
