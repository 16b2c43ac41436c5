// the logger override of space a: one token per instance
export const token = {}
