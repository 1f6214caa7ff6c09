/**
 * What `astro build` tells the command that started it (scripts/build.ts),
 * over Node's IPC channel when there is one, so each check starts as soon as
 * its input is ready.
 */

/** The content guard passed: every page is parsed into the shared cache, so the translation check can start. */
export const CONTENT_GUARDED = 'content-guarded';
/** Every page, the sitemap and the 404 pages are in dist/ (only the search index is still to come), so the link check can start. */
export const PAGES_WRITTEN = 'pages-written';

// Started by `npm run build` (the IPC channel is there): when that process is gone (killed), nothing will
// put this build's staging folder in place, so stop rather than build on as an orphan into a folder the next
// build removes.
if (process.send) process.once('disconnect', () => process.exit(1));

/** Sends a message to the parent process, if it opened an IPC channel (a plain `astro build` has none). */
export function tellParent(message: string): void {
  process.send?.(message);
}
