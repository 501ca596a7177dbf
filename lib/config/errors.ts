/**
 * A problem with user input: always names the file, the JSON pointer inside it and what is allowed,
 * so the CLI can print one precise line instead of a stack trace.
 */
export class ConfigError extends Error {
  /** Path of the offending file, relative to the project root. */
  public readonly file: string;
  /** RFC 6901 JSON pointer to the offending value ("" for the whole document). */
  public readonly pointer: string;
  /** What would have been accepted, in words. */
  public readonly allowed?: string;

  constructor(file: string, pointer: string, problem: string, allowed?: string) {
    super(`${file}${pointer ? `#${pointer}` : ''}: ${problem}${allowed ? ` (allowed: ${allowed})` : ''}`);
    this.name = 'ConfigError';
    this.file = file;
    this.pointer = pointer;
    this.allowed = allowed;
  }
}

/** Several input problems found in one pass; the CLI prints each of them. */
export class ConfigErrors extends Error {
  public readonly errors: readonly ConfigError[];

  constructor(errors: readonly ConfigError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'ConfigErrors';
    this.errors = errors;
  }
}

/** Escapes one JSON pointer segment (RFC 6901: "~" → "~0", "/" → "~1"). */
export function pointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Joins segments into a JSON pointer: pointer('pools', 1, 'name') → "/pools/1/name". */
export function pointer(...segments: Array<string | number>): string {
  return segments.map((s) => `/${pointerSegment(s)}`).join('');
}

/** The input problems an error carries, or undefined when it is not an input problem. */
export function configProblems(error: unknown): readonly ConfigError[] | undefined {
  if (error instanceof ConfigErrors) return error.errors;
  if (error instanceof ConfigError) return [error];
  return undefined;
}
