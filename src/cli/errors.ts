// An error as the user should read it: its message with the causes Eleventy and others wrap around it.

/** The message with each wrapped cause (`originalError`, `cause`) that adds something, up to five deep. */
export function describeError(e: unknown): string {
  const parts: string[] = [];
  let current: unknown = e;
  for (let depth = 0; current && depth < 5; depth++) {
    const err = current as { message?: unknown; originalError?: unknown; cause?: unknown };
    const message = typeof err.message === "string" ? err.message : String(current);
    if (!parts.includes(message)) parts.push(message);
    current = err.originalError ?? err.cause;
  }
  return parts.join("\n  caused by: ");
}
