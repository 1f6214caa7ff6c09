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
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { historyState } from '../../src/lib/git.ts';
import type { Report } from '../../src/report/report.ts';

const CODE_ROOT = join(import.meta.dirname, '../..');
/** Names the stored file's layout: a file of another layout is ignored. */
const FORMAT = 'publisher-docs report cache 2';

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
        // The header line names the inputs; the report after it (megabytes on a large site) is read only when they match.
        if (readHeader(file) !== JSON.stringify({ format: FORMAT, key })) return undefined;
        const text = readFileSync(file, 'utf8');
        return JSON.parse(text.slice(text.indexOf('\n') + 1)) as Report<Summary>;
      } catch {
        // None yet, or unreadable: it is only a cache.
        return undefined;
      }
    },
    save(report) {
      const next = `${file}.${process.pid}`;
      try {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(next, `${JSON.stringify({ format: FORMAT, key })}\n${JSON.stringify(report)}`);
        renameSync(next, file);
      } catch {
        // A read-only node_modules/: the next run checks again.
        rmSync(next, { force: true });
      }
    },
  };
}

/** The file's first line (at most 1 KB; a header is about 100 bytes), without reading the rest. */
function readHeader(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1024);
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    const end = buffer.subarray(0, length).indexOf(0x0a);
    return end < 0 ? '' : buffer.toString('utf8', 0, end);
  } finally {
    closeSync(fd);
  }
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
