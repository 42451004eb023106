/**
 * Polls `check` until it returns without throwing (and is not `false`), or fails with the last error
 * after `timeoutMs`. Never sleep for a condition: wait for it.
 */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  { timeoutMs = 10_000, intervalMs = 10, what = 'condition' }: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<Exclude<T, false>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  for (;;) {
    try {
      const value = await check();
      if (value !== false) return value as Exclude<T, false>;
      lastError = new Error(`${what} is still false`);
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const message = lastError instanceof Error ? lastError.message : String(lastError);
      throw new Error(`waitFor(${what}) timed out after ${timeoutMs} ms: ${message}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
