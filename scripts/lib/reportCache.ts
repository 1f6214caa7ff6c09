/**
 * A checker's last report, kept on disk with a fingerprint of everything it
 * was computed from, and given back while none of that has changed: the
 * commonest run of a checker (CI again on the same commit, a hook, a
 * translator who runs it twice) answers without parsing or comparing a page.
 *
 * The fingerprint covers every input a report can depend on, read afresh on
 * each run, never a modification time:
 * - every file under `content/` (its path and bytes; a symbolic link by its target, as the checkers refuse it);
 * - the checker's code: every file under `src/` and `scripts/` of this project, and its `package-lock.json`;
 * - the git commit and shallow edge of the checked project (the `outdated` rule reads history);
 * - Node's version, and the command's own settings that change the report (rules, locales).
 * A report is only stored after a run that completed; a run that fails to read
 * or check stores nothing, so a failure is never replayed as a pass.
 */
import { createHash, type Hash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { historyState } from '../../src/lib/git.ts';
import type { Report } from '../../src/report/report.ts';

const CODE_ROOT = join(import.meta.dirname, '../..');
/** Names the stored file's layout: a file of another layout is ignored. */
const FORMAT = 'publisher-docs report cache 1';

export interface ReportCache<Summary> {
  /** The stored report, when it was computed from exactly these inputs. */
  get(): Report<Summary> | undefined;
  /** Stores a completed run's report for these inputs. */
  save(report: Report<Summary>): void;
}

/**
 * @param name the command's cache file, e.g. `check-i18n`
 * @param settings what of the command's options changes the report (not its format or output files)
 */
export function openReportCache<Summary>(root: string, name: string, settings: unknown): ReportCache<Summary> {
  const file = join(root, 'node_modules/.cache/publisher-docs', `${name}-report.json`);
  const key = fingerprint(root, settings);
  return {
    get() {
      try {
        const stored = JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown; key?: unknown; report?: Report<Summary> };
        return stored.format === FORMAT && stored.key === key ? stored.report : undefined;
      } catch {
        // None yet, or unreadable: it is only a cache.
        return undefined;
      }
    },
    save(report) {
      const next = `${file}.${process.pid}`;
      try {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(next, JSON.stringify({ format: FORMAT, key, report }));
        renameSync(next, file);
      } catch {
        // A read-only node_modules/: the next run checks again.
        rmSync(next, { force: true });
      }
    },
  };
}

function fingerprint(root: string, settings: unknown): string {
  const hash = createHash('sha256');
  hash.update(`${FORMAT}\n${process.version}\n${JSON.stringify(settings)}\n${historyState(root)}\n`);
  addTree(hash, join(root, 'content'), 'content');
  for (const folder of ['src', 'scripts']) addTree(hash, join(CODE_ROOT, folder), `code:${folder}`);
  addFile(hash, join(CODE_ROOT, 'package-lock.json'), 'code:package-lock.json');
  return hash.digest('hex');
}

/** Every entry under `dir`, sorted, without following links; a missing folder is an input too. */
function addTree(hash: Hash, dir: string, label: string): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    hash.update(`${label}: none\n`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const name = `${label}/${entry.name}`;
    if (entry.isSymbolicLink()) hash.update(`${name} -> ${readlinkSync(path)}\n`);
    else if (entry.isDirectory()) {
      hash.update(`${name}/\n`);
      addTree(hash, path, name);
    } else if (entry.isFile()) addFile(hash, path, name);
  }
}

function addFile(hash: Hash, path: string, name: string): void {
  let bytes: Buffer | string;
  try {
    bytes = readFileSync(path);
  } catch {
    bytes = 'unreadable';
  }
  hash.update(`${name} ${bytes.length}\n`);
  hash.update(bytes);
}
