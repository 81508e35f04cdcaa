/**
 * A reporter for connection errors: the Redis connections retry on their own, so the same
 * error is said once, then again only after 30 s, not once per retry.
 */
export function throttledReport(say: (message: string) => void, where: string, then: string): (err: Error) => void {
  let lastError = '';
  let lastErrorAt = 0;
  return (err: Error) => {
    const now = Date.now();
    if (err.message === lastError && now - lastErrorAt < 30_000) return;
    lastError = err.message;
    lastErrorAt = now;
    say(`queue ${where}: ${err.message}; ${then}`);
  };
}
