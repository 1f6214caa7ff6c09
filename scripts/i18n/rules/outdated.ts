/**
 * `outdated`: the translation records the hash of the source page it was
 * made from (`translation.source`). When the source has changed since, say so,
 * and, when that older source is in git history, which sections changed (by
 * heading id) with a short diff of the source.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { Finding } from '../../lib/findings.ts';
import { commitsOf, fileAt } from '../../../src/lib/git.ts';
import { parsePage, type ParsedPage } from '../collect.ts';
import { pageFinding, type PageContext } from '../context.ts';
import { sourceHash } from '../../../src/content/sourceHash.ts';

const DIFF_LINES = 24;

export interface OutdatedOptions {
  root: string;
  /** Look in git history for the recorded revision (off in tests of other rules, and with --no-git). */
  history: boolean;
}

export function recordedSource(page: ParsedPage): string | undefined {
  const translation = page.frontmatter.translation as { source?: unknown } | undefined;
  return typeof translation?.source === 'string' ? translation.source : undefined;
}

export function outdatedRule(context: PageContext, options: OutdatedOptions): Finding[] {
  const recorded = recordedSource(context.translation);
  // Without a record the frontmatter rule reports the missing stamp; the status is the content model's.
  if (!recorded || context.page.status !== 'outdated') return [];
  const at = context.translation.frontmatterPlaces['translation.source'];
  const old = options.history ? findRevision(options.root, context.source.file, recorded) : undefined;
  if (!old) {
    return [pageFinding(context, 'outdated', 'warning', `The source page changed since this translation was made (recorded ${recorded}, the source is now ${context.source.hash}); that earlier revision is not in git history, so compare the pages by hand.`, at, undefined, `Update the translation, then run \`npm run i18n:stamp -- ${context.translation.file}\`.`)];
  }
  const before = parsePage(context.source.file, context.source.path, context.sourceLocale, old.text);
  const changes = changedSections(before, context.source);
  const diff = createTwoFilesPatch(`${context.source.file} (${old.commit.slice(0, 7)})`, `${context.source.file} (now)`, old.text, currentText(options.root, context.source.file) ?? '', '', '', { context: 1 })
    .split('\n')
    .slice(2)
    .filter((line) => line !== '\\ No newline at end of file');
  const shown = diff.length > DIFF_LINES ? [...diff.slice(0, DIFF_LINES), `… ${diff.length - DIFF_LINES} more lines: git diff ${old.commit.slice(0, 7)} -- ${context.source.file}`] : diff;
  const summary = changes.length ? `changed: ${changes.join(', ')}` : 'only frontmatter or formatting changed';
  const finding = pageFinding(context, 'outdated', 'warning', `The source page changed since this translation was made (commit ${old.commit.slice(0, 7)}); ${summary}.`, at, undefined, `Update those sections, then run \`npm run i18n:stamp -- ${context.translation.file}\`.`);
  return [{ ...finding, sections: changes, details: shown }];
}

/** The newest commit whose version of `path` has the recorded hash. */
function findRevision(root: string, path: string, recorded: string): { commit: string; text: string } | undefined {
  for (const commit of commitsOf(root, path)) {
    const text = fileAt(root, commit, path);
    if (text !== undefined && sourceHash(text) === recorded) return { commit, text };
  }
  return undefined;
}

function currentText(root: string, file: string): string | undefined {
  try {
    return readFileSync(join(root, file), 'utf8');
  } catch {
    return undefined;
  }
}

/** Sections (by heading id; `(intro)` before the first heading) whose blocks differ, were added or removed. */
export function changedSections(before: ParsedPage, after: ParsedPage): string[] {
  const sections = (page: ParsedPage) => {
    const map = new Map<string, string>();
    let current = '(intro)';
    const headings = page.outline?.headings ?? [];
    let headingIndex = 0;
    for (const block of page.outline?.blocks ?? []) {
      if (block.kind === 'heading') current = `#${headings[headingIndex++]?.id ?? '?'}`;
      map.set(current, `${map.get(current) ?? ''}\n${block.signature}|${block.text}|${block.code?.value ?? ''}|${block.placeholders.join(',')}`);
    }
    return map;
  };
  const old = sections(before);
  const now = sections(after);
  const changed: string[] = [];
  for (const [id, content] of now) {
    if (!old.has(id)) changed.push(`${id} (new)`);
    else if (old.get(id) !== content) changed.push(id);
  }
  for (const id of old.keys()) if (!now.has(id)) changed.push(`${id} (removed)`);
  return changed;
}
