/**
 * A problem with one of the files the viewer reads. The page shows it as "file: problem",
 * with a hint on what to do, instead of a blank screen.
 */
export class ViewerError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly hint = '',
  ) {
    super(`${file}: ${problem}`);
    this.name = 'ViewerError';
  }
}
