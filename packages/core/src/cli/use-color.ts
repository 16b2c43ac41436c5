/**
 * Whether the CLI colours its output, by the rules Node itself follows for its own output: `FORCE_COLOR` (other than
 * `0` or `false`) turns colours on and takes precedence; a non-empty `NO_COLOR` (https://no-color.org) turns them off;
 * otherwise only a terminal gets colours, never a pipe or a file.
 */
export function useColor(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR
  if (force !== undefined) return force !== '0' && force !== 'false'
  if (env.NO_COLOR) return false
  return isTTY
}
