/**
 * A problem with a state archive or the archive store: a bad or tampered archive, a missing
 * file, a failed upload or verification. The message says what is wrong and what to do; the CLI
 * prints it as is.
 */
export class ArchiveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArchiveError';
  }
}

/** The stack was archived after bootstrap: Crossplane owns it, OpenTofu must not change it. */
export class StackArchivedError extends ArchiveError {
  /** The stack that is archived. */
  public readonly stack: string;

  constructor(stack: string, message: string) {
    super(message);
    this.name = 'StackArchivedError';
    this.stack = stack;
  }
}
