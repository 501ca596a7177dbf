import { configProblems, ConfigError } from '../../lib/config/errors';

/** The input problems `parse` reports (none → empty list); any other error is rethrown. */
export function problemsOf(parse: () => unknown): ConfigError[] {
  try {
    parse();
    return [];
  } catch (e) {
    const problems = configProblems(e);
    if (!problems) throw e;
    return [...problems];
  }
}
