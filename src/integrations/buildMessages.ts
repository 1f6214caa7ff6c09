/**
 * What `astro build` tells the command that started it (scripts/build.ts),
 * over Node's IPC channel when there is one: the content guard passed, so
 * every page is parsed into the shared cache and the translation check can
 * start beside the rest of the build.
 */
export const CONTENT_GUARDED = 'content-guarded';

/** Sends a message to the parent process, if it opened an IPC channel (a plain `astro build` has none). */
export function tellParent(message: string): void {
  process.send?.(message);
}
