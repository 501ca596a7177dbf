import { configProblems } from '../config/errors';

/** Colour only when writing to a terminal and NO_COLOR is unset. */
function paint(code: number, text: string, stream: NodeJS.WriteStream): string {
  return stream.isTTY && !process.env.NO_COLOR ? `\u001b[${code}m${text}\u001b[0m` : text;
}

export function info(message: string): void {
  process.stdout.write(`${message}\n`);
}

export function success(message: string): void {
  process.stdout.write(`${paint(32, '✔', process.stdout)} ${message}\n`);
}

export function failure(message: string): void {
  process.stderr.write(`${paint(31, 'error', process.stderr)} ${message}\n`);
}

/**
 * Prints an error the way users need it: input problems as one line each (file#pointer: problem
 * (allowed: …)), anything else with its message only. Returns the exit code to use.
 */
export function reportError(error: unknown, json = false): number {
  const problems = configProblems(error);
  if (problems && json) {
    info(JSON.stringify({ valid: false, errors: problems.map((e) => ({ file: e.file, pointer: e.pointer, message: e.message, allowed: e.allowed ?? null })) }, null, 2));
    return 1;
  }
  if (problems) {
    for (const e of problems) failure(e.message);
    failure(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the configuration; nothing was written`);
    return 1;
  }
  failure(error instanceof Error ? error.message : String(error));
  if (process.env.SOVEREIGN_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return 2;
}
