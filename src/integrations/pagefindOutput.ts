/**
 * What Pagefind wrote, checked before the build calls it done: the entry
 * files exist, every file is non-empty, and the entry lists at least one
 * language with pages. A search index with a 0-byte fragment breaks search
 * for that page with no error anywhere, so the build fails instead.
 *
 * Why files can come out empty: Pagefind's backend writes each file with
 * tokio's `File::create` and `write_all` and never flushes, so it can answer
 * "written" while the last bytes are still on their way to the disk; closing
 * the backend at once (Pagefind's `close()` kills it) can leave a created,
 * empty file. So the integration waits for the files to be complete before
 * closing (`settle`), and checks once more after (`verify`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Files the search page loads first; without them search does not start. */
const ENTRY_FILES = ['pagefind.js', 'pagefind-entry.json'];

/** Every problem with the index in `folder` (`dist/pagefind`), each one line naming the file; empty when it is whole. */
export function pagefindProblems(folder: string): string[] {
  const problems: string[] = [];
  let files: string[];
  try {
    files = readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1));
  } catch {
    return [`${folder} does not exist: Pagefind wrote no index.`];
  }
  for (const file of ENTRY_FILES) if (!files.includes(file)) problems.push(`${join(folder, file)} is missing.`);
  for (const file of files) if (statSync(join(folder, file)).size === 0) problems.push(`${join(folder, file)} is empty (0 bytes).`);
  if (files.includes('pagefind-entry.json') && problems.length === 0) {
    try {
      const entry = JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')) as {
        languages?: Record<string, { page_count?: number; hash?: string }>;
      };
      const languages = Object.entries(entry.languages ?? {});
      if (languages.length === 0) problems.push(`${join(folder, 'pagefind-entry.json')} lists no language: no page was indexed.`);
      for (const [language, meta] of languages) {
        if (!meta.page_count) problems.push(`${join(folder, 'pagefind-entry.json')}: language "${language}" has no page.`);
        if (meta.hash && !files.includes(`pagefind.${meta.hash}.pf_meta`))
          problems.push(`${join(folder, `pagefind.${meta.hash}.pf_meta`)} (the "${language}" index) is missing.`);
      }
    } catch (error) {
      problems.push(`${join(folder, 'pagefind-entry.json')} is not valid JSON (${(error as Error).message}).`);
    }
  }
  return problems;
}

/**
 * Waits until the index in `folder` is whole, re-reading it after each pause
 * (Pagefind's last writes may still be landing); gives up after `attempts`
 * and returns what is still wrong. The pauses double from 10 ms, so a whole
 * index costs one check and the worst case is about ten seconds.
 */
export async function settle(folder: string, attempts = 10): Promise<string[]> {
  let problems = pagefindProblems(folder);
  for (let attempt = 0; attempt < attempts && problems.length > 0; attempt++) {
    await sleep(10 * 2 ** attempt);
    problems = pagefindProblems(folder);
  }
  return problems;
}
