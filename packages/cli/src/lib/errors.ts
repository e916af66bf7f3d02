/** Exit codes of the `portcullis` command; scripts branch on them, so keep them stable. */
export const EXIT = {
  ok: 0,
  /** The command ran and failed: database in use, record not found, conflict. */
  failed: 1,
  /** Bad arguments, or a command that does not apply to this installation (e.g. backup on PostgreSQL). */
  usage: 2,
  /** `audit verify` / `restore`: at least one audit chain is broken; `evidence verify`: a stored file is missing or damaged. */
  chainBroken: 3,
} as const;

/** A problem with what the operator typed; printed as one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
