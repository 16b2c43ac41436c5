import { ErrorCodes, ModspaceError, type ModspaceErrorDetails } from '../errors.js'

/** A command line the CLI cannot run: an unknown command or option, a bad option value, a file that is not there. */
export function usageError(summary: string, details: ModspaceErrorDetails = {}): ModspaceError {
  return new ModspaceError(ErrorCodes.USAGE, summary, { fix: 'run modspace --help for usage', ...details })
}
