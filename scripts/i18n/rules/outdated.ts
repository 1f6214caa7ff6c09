/**
 * `outdated`: the translation records the hash of the source page it was
 * made from (`translation.source`) and a fingerprint per source section
 * (`translation.sections`). When the source has changed since, say which
 * sections changed and how (text, link target, table, code, added, removed)
 * from those fingerprints alone, so it works in a shallow clone; when the
 * older source is in git history, add a short diff of it. Whether a page is
 * outdated is the content model's decision (src/model/status.ts), shared with the site.
 */
import { frontmatterPlace } from '../../../src/content/parsedPage.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { Finding } from '../../../src/report/report.ts';
import { commitDay, commitsOf, fileAt } from '../../../src/lib/git.ts';
import { sourceHash } from '../../../src/content/sourceHash.ts';
import { changedSections, describeChange, type SectionChange } from '../../../src/translation/sections.ts';
import { translationRecordOf } from '../../../src/model/status.ts';
import { parsePage, type ParsedPage } from '../collect.ts';
import { pageFinding, type PageContext } from '../context.ts';

const DIFF_LINES = 24;

export interface OutdatedOptions {
  root: string;
  /** Look in git history for the recorded revision (off in tests of other rules, and with --no-git). */
  history: boolean;
}

export function recordedSource(page: ParsedPage): string | undefined {
  const source = translationRecordOf(page.frontmatter)?.source;
  return typeof source === 'string' ? source : undefined;
}

export function outdatedRule(context: PageContext, options: OutdatedOptions): Finding[] {
  const record = context.page.translation;
  const recorded = record?.source;
  // Without a record the frontmatter rule reports the missing stamp; the status is the content model's.
  if (!recorded || context.page.status !== 'outdated') return [];
  const state = { changes: context.page.changes };
  const at = frontmatterPlace(context.translation, 'translation.source');
  const hint = `Update those sections, then run \`npm run i18n:stamp -- ${context.translation.file}\`.`;
  const old = options.history ? findRevision(options.root, context.source.file, recorded) : undefined;
  // The recorded fingerprints say what changed; without them, the old revision from git can.
  const changes: SectionChange[] | undefined =
    state.changes ??
    (old
      ? changedSections(
          parsePage(context.source.file, context.source.path, context.sourceLocale, old.text).sections,
          context.source.sections,
        )
      : undefined);
  const extra = changes ? { sections: changes.map((change) => (change.id.startsWith('_') ? change.id : `#${change.id}`)), changes } : {};
  if (!changes && !old) {
    return [
      pageFinding(
        context,
        'outdated',
        'warning',
        `The source page changed since this translation was made (recorded ${recorded}, the source is now ${context.source.hash}); it records no section fingerprints and that revision is not in git history, so compare the pages by hand.`,
        at,
        undefined,
        `Update the translation, then run \`npm run i18n:stamp -- ${context.translation.file}\`; from then on this check names the changed sections.`,
      ),
    ];
  }
  const summary =
    changes && changes.length > 0 ? `changed: ${changes.map(describeChange).join(', ')}` : 'only frontmatter or formatting changed';
  const message = `The source page changed since this translation was made${old ? ` (${behind(options.root, old)})` : ''}; ${summary}.`;
  const finding = { ...pageFinding(context, 'outdated', 'warning', message, at, undefined, hint), ...extra };
  if (!old) return [finding];
  const diff = createTwoFilesPatch(
    `${context.source.file} (${old.commit.slice(0, 7)})`,
    `${context.source.file} (now)`,
    old.text,
    currentText(options.root, context.source.file) ?? '',
    '',
    '',
    { context: 1 },
  )
    .split('\n')
    .slice(2)
    .filter((line) => line !== '\\ No newline at end of file');
  const shown =
    diff.length > DIFF_LINES
      ? [
          ...diff.slice(0, DIFF_LINES),
          `… ${diff.length - DIFF_LINES} more lines: git diff ${old.commit.slice(0, 7)} -- ${context.source.file}`,
        ]
      : diff;
  return [{ ...finding, details: shown }];
}

interface Revision {
  /** The commit whose source text the translation records. */
  commit: string;
  text: string;
  /** The source's commits after it, oldest first: the changes the translation is behind (none: not committed yet). */
  after: string[];
}

/** The newest commit whose version of `path` has the recorded hash, and the source's commits since. */
function findRevision(root: string, path: string, recorded: string): Revision | undefined {
  const commits = commitsOf(root, path);
  for (const [index, commit] of commits.entries()) {
    const text = fileAt(root, commit, path);
    if (text !== undefined && sourceHash(text) === recorded) return { commit, text, after: commits.slice(0, index).reverse() };
  }
  return undefined;
}

/**
 * The source change the translation is behind, in words: the first commit of the source after the
 * recorded revision (not the recorded revision itself, which may be older than the translation).
 */
function behind(root: string, revision: Revision): string {
  const first = revision.after[0];
  if (!first) return 'in changes to the source not committed yet';
  const day = commitDay(root, first);
  const later = revision.after.length - 1;
  return `since source commit ${first.slice(0, 7)}${day ? ` of ${day}` : ''}${later > 0 ? ` and ${later} later commit${later === 1 ? '' : 's'}` : ''}`;
}

function currentText(root: string, file: string): string | undefined {
  try {
    return readFileSync(join(root, file), 'utf8');
  } catch {
    return undefined;
  }
}
