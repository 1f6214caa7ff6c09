/**
 * How a command ends when it could not run: exit codes every command shares,
 * and the error for a call whose words or configuration are wrong (exit 2,
 * printed with the usage text). The report core raises it (an unknown rule or
 * format); the commands in scripts/ catch it.
 */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

export class UsageError extends Error {
  override name = 'UsageError';
}
