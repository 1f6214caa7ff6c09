/**
 * The link check's rule registry: every rule `check:links` can report, with
 * its default severity, a one-line description, an example and its check.
 * `checkLinks` runs what this list holds (or the part selected with
 * `--rule`/`--ignore-rule`); the README's rule table and the SARIF rule
 * descriptors come from it.
 *
 * A link rule's check reads the passes over the site (`LinkRun`), each of
 * which runs at most once however many rules read it: a pass that none of the
 * selected rules reads does not run at all (`--rule external-error` never
 * crawls the build). A new rule: report it from a pass (or add a pass to
 * `LinkRun`), add an entry here, a test with fixtures, and `npm run docs:rules`.
 */
import type { Finding } from '../lib/findings.ts';
import type { Rule } from '../lib/rules.ts';
import type { LinkRun } from './check.ts';

export type LinkCheck = (run: LinkRun) => Promise<Finding[]> | Finding[];
export type LinkRule = Rule<LinkCheck>;

const sourceLinks: LinkCheck = (run) => run.source().findings;
const sourceAndBuilt: LinkCheck = async (run) => [...run.source().findings, ...((await run.built())?.findings ?? [])];
const external: LinkCheck = async (run) => (await run.external())?.findings ?? [];

export const LINK_RULES: readonly LinkRule[] = [
  { id: 'broken-link', severity: 'error', description: 'A link leads to no page or file.', example: '`[guide](/en/guides/othr/)`: no such page (with "Did you mean /en/guides/other/?"); a missing `public/` file', check: sourceAndBuilt },
  { id: 'broken-anchor', severity: 'error', description: 'A link\'s #fragment is not an id on its page.', example: '`/de/lead-management/enable-lead-sharing/#nachverfolgen`: the page has `#follow-up`', check: sourceAndBuilt },
  { id: 'locale-mismatch', severity: 'warning', description: 'A link goes to another locale although this locale has the page.', example: 'a German page links to `/en/guides/x/` although `/de/guides/x/` exists', check: sourceLinks },
  { id: 'fallback-link', severity: 'warning', description: 'A link goes to a page this locale only serves as a fallback.', example: 'a German page links to `/de/guides/x/`, which is only the English fallback', check: sourceLinks },
  { id: 'external-error', severity: 'error', description: 'An external link fails (with `--external`).', example: '4xx/5xx, DNS failure, TLS error, refused connection, timeout, redirect loop', check: external },
  { id: 'external-redirect', severity: 'warning', description: 'An external link redirects permanently (with `--external`).', example: 'a permanent redirect (301/308); link to where it leads', check: external },
  { id: 'parse-error', severity: 'error', description: 'A page cannot be parsed, so its links were not checked.', example: 'an MDX page that cannot be read (it still counts in the summary)', check: sourceLinks },
];
