/**
 * An error a person can act on: `roster` prints its one line (never a stack) and exits with its code.
 * 2 is a mistake in how the command was called, 1 anything else that stopped it.
 */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

/** No command or an unknown one: the only case where the whole usage is printed. */
export class UnknownCommandError extends CliError {
  override name = 'UnknownCommandError';
  constructor(message: string | null) {
    super(message ?? 'no command given', 2);
  }
}
