/**
 * Time limits sized from the work, not from an idle machine: the slow steps of
 * the tests (a build of a copy of the site, a full `npm run build`) grow with
 * the number of pages, so their limit does too, with room for a machine shared
 * with other work (the tests passed beside a running bench build with these).
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** Page files of every locale: what a build renders (each locale serves every source page). */
export const CONTENT_PAGES = readdirSync(join(ROOT, 'content'), { recursive: true, encoding: 'utf8' }).filter((file) =>
  file.endsWith('.mdx'),
).length;

/** The most one build of the site (or a test around one) may take: a minute, plus six seconds a page. */
export const BUILD_LIMIT_MS = 60_000 + CONTENT_PAGES * 6_000;
/**
 * The most one `npm run build` (scripts/build.ts) may take: the site, its search index, and both checks
 * beside it, of which the link check may run its own checking build: two builds' worth. (A fixed limit of
 * one build killed it on a loaded machine.)
 */
export const NPM_BUILD_LIMIT_MS = 2 * BUILD_LIMIT_MS;
