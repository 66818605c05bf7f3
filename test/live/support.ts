// Helpers for the live-corpus tests: a small fictional transcript, and polling with a deadline
// (never a fixed sleep: the machine may be busy).

/** A labelled transcript: a title line, then one `NAME: words` turn per paragraph. */
export function report(title: string, turns: [string, string][]): string {
  return `${title}\n\n${turns.map(([who, words]) => `${who}: ${words}`).join('\n\n')}\n`;
}

/** Polls `check` until it holds; fails after `timeoutMs` with what was being waited for. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 20_000,
  what = 'the condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 40));
  }
}
