// the app's module state: one token per instance
export const token = {}
