/**
 * A problem while handing a stack over to Crossplane: no state, a state OpenTofu cannot read, a
 * manifest that does not validate against its CRD. The message says what is wrong and what to do;
 * the CLI prints it as is (exit code 2).
 */
export class HandoverError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HandoverError';
  }
}
