/** Start-up stopped for a reason outside the program (the database, the port): one line says which. */
export class StartupError extends Error {
  override name = 'StartupError';
}
