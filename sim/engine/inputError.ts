/**
 * Bad input: a file, a field or a flag that cannot be used. Carries one line per problem;
 * the command line prints them and exits with code 2, never with a stack trace.
 */
export class InputError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'InputError';
  }
}
