/**
 * The file side of shard builds (src/model/shard.ts decides which pages a
 * shard renders): what a shard's output keeps, the marker that says which
 * shard it is, and the merge of shard outputs into one site.
 *
 * Every shard renders the pages of its sections and their review views, and
 * bundles the same assets. The pages that belong to no section (language
 * chooser, 404 pages, dashboard, sitemap, search strings, robots.txt) come
 * from shard 1 alone: another shard's copy is deleted (the dashboard skips its
 * work there), so the merge never has to choose. Files two shards both write
 * (the bundled assets) must be byte-identical, or the merge refuses: shards of
 * different commits or settings do not make one site.
 */
import {
  copyFileSync,
  constants,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { ownsSiteWidePages, siteShardFilter, type Shard } from '../../src/model/shard.ts';
import type { Site } from '../../src/model/site.ts';

/** Written into a shard's output: which shard of how many, so the merge can tell a missing or doubled one. */
export const SHARD_MARKER = '.shard.json';
/** The shard of a build's own content: assets, shared by every shard. */
const ASSETS = '_astro';

export interface ShardMarker {
  index: number;
  count: number;
  /** Source pages of the site the shard was cut from: shards of different content do not merge. */
  sourcePages: number;
}

function* files(folder: string): Generator<string> {
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) yield relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/');
}

/** The site's URL path a built file serves (`de/x/index.html` → `/de/x/`). */
function urlOf(file: string): string {
  return `/${file.endsWith('index.html') ? file.slice(0, -'index.html'.length) : file}`;
}

/**
 * Deletes from a shard's output what another shard provides: for shards other
 * than 1, every file that is not an asset, one of its pages or one of their
 * review views. Then marks the folder with the shard. Returns the files deleted.
 */
export function finishShard(folder: string, site: Site, shard: Shard): number {
  let removed = 0;
  if (!ownsSiteWidePages(shard)) {
    const inShard = siteShardFilter(site, shard);
    const owned = (url: string) => {
      const page = site.byUrl(url.startsWith('/translations/') ? url.slice('/translations'.length) : url);
      return page !== undefined && inShard(page.slug);
    };
    for (const file of [...files(folder)]) {
      if (file.startsWith(`${ASSETS}/`) || (file.endsWith('/index.html') && owned(urlOf(file)))) continue;
      rmSync(join(folder, file));
      removed++;
    }
    removeEmptyFolders(folder);
  }
  const marker: ShardMarker = { index: shard.index, count: shard.count, sourcePages: site.pagesOf(site.registry.source.code).length };
  writeFileSync(join(folder, SHARD_MARKER), `${JSON.stringify(marker)}\n`);
  return removed;
}

function removeEmptyFolders(folder: string): boolean {
  let empty = true;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory() && removeEmptyFolders(join(folder, entry.name))) rmSync(join(folder, entry.name), { recursive: true });
    else empty = false;
  }
  return empty;
}

/** Why these folders are not the shards of one site (each reason a line), or their markers in shard order. */
export function readShardSet(folders: readonly string[], sourcePages: number): { markers: ShardMarker[] } | { problems: string[] } {
  const problems: string[] = [];
  const markers: (ShardMarker & { folder: string })[] = [];
  for (const folder of folders) {
    if (!existsSync(folder) || !statSync(folder).isDirectory()) {
      problems.push(`${folder}: no such folder (pass the folders \`npm run build -- --shard k/n\` wrote).`);
      continue;
    }
    try {
      const marker = JSON.parse(readFileSync(join(folder, SHARD_MARKER), 'utf8')) as ShardMarker;
      if (![marker.index, marker.count, marker.sourcePages].every(Number.isInteger)) throw new Error('malformed');
      markers.push({ ...marker, folder });
    } catch {
      problems.push(`${folder}: not a shard's output (no readable ${SHARD_MARKER}); build it with \`npm run build -- --shard k/n\`.`);
    }
  }
  if (problems.length > 0) return { problems };
  const count = markers[0]?.count ?? 0;
  for (const marker of markers) {
    if (marker.count !== count)
      problems.push(
        `${marker.folder}: shard ${marker.index}/${marker.count}, but ${markers[0]!.folder} is ${markers[0]!.index}/${count}: all shards must be cut the same way.`,
      );
    if (marker.sourcePages !== sourcePages)
      problems.push(
        `${marker.folder}: built from content with ${marker.sourcePages} source pages; content/ here has ${sourcePages}. Merge shards built from this commit.`,
      );
  }
  for (let index = 1; index <= count; index++) {
    const found = markers.filter((marker) => marker.index === index);
    if (found.length === 0) problems.push(`shard ${index}/${count} is missing: pass the output of every shard.`);
    if (found.length > 1) problems.push(`shard ${index}/${count} is given twice: ${found.map((marker) => marker.folder).join(', ')}.`);
  }
  return problems.length > 0 ? { problems } : { markers: markers.sort((a, b) => a.index - b.index) };
}

/**
 * Copies (or, with `move`, renames) every shard's files into `into`. A file
 * two shards both hold must be identical; every one that differs is listed and
 * the merge fails (the caller leaves `into` unpromoted, so nothing is lost).
 */
export function mergeShards(
  folders: readonly string[],
  into: string,
  options: { move?: boolean } = {},
): { files: number; conflicts: string[] } {
  const conflicts: string[] = [];
  const from = new Map<string, string>();
  let count = 0;
  for (const folder of folders) {
    for (const file of files(folder)) {
      if (file === SHARD_MARKER) continue;
      const source = join(folder, file);
      const target = join(into, file);
      if (existsSync(target)) {
        if (!readFileSync(source).equals(readFileSync(target)))
          conflicts.push(
            `${file} differs between ${from.get(file)} and ${folder}: build every shard from the same commit and settings (SITE_URL).`,
          );
        continue;
      }
      mkdirSync(dirname(target), { recursive: true });
      if (options.move) renameSync(source, target);
      else copyFileSync(source, target, constants.COPYFILE_EXCL);
      from.set(file, folder);
      count++;
    }
  }
  return { files: count, conflicts };
}
