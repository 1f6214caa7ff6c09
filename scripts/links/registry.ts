/**
 * The link check's rule registry: every rule `check:links` can report, with
 * its default severity, a one-line description, an example and its check. A
 * link rule's check is the pass (or passes) over the site that report it:
 * `source` (the MDX pages, no build needed), `built` (dist/) and `external`
 * (HTTP, with `--external`). `checkLinks` runs only the passes the selected
 * rules need (`--rule external-error` never reads the build) and reports only
 * the selected rules; the README's rule table and the SARIF rule descriptors
 * come from this list.
 *
 * A new rule: report it from a pass (a new pass goes in `LinkPass` and
 * `checkLinks`), add an entry here, a test with fixtures, and run
 * `npm run docs:rules`.
 */
import type { Rule } from '../../src/report/rules.ts';

export type LinkPass = 'source' | 'built' | 'external';
export type LinkRule = Rule<readonly LinkPass[]>;

export const LINK_RULES: readonly LinkRule[] = [
  {
    id: 'broken-link',
    severity: 'error',
    description: 'A link leads to no page or file.',
    example: '`[guide](/en/guides/othr/)`: no such page (with "Did you mean /en/guides/other/?"); a missing `public/` file',
    check: ['source', 'built'],
  },
  {
    id: 'broken-anchor',
    severity: 'error',
    description: "A link's #fragment is not an id on its page.",
    example: '`/de/lead-management/enable-lead-sharing/#nachverfolgen`: the page has `#follow-up`',
    check: ['source', 'built'],
  },
  {
    id: 'locale-mismatch',
    severity: 'warning',
    description: 'A link goes to another locale although this locale has the page.',
    example: 'a German page links to `/en/guides/x/` although `/de/guides/x/` exists',
    check: ['source'],
  },
  {
    id: 'fallback-link',
    severity: 'warning',
    description: 'A link goes to a page this locale only serves as a fallback.',
    example: 'a German page links to `/de/guides/x/`, which is only the English fallback',
    check: ['source'],
  },
  {
    id: 'external-error',
    severity: 'error',
    description: 'An external link fails (with `--external`).',
    example: '4xx/5xx, DNS failure, TLS error, refused connection, timeout, redirect loop',
    check: ['external'],
  },
  {
    id: 'external-redirect',
    severity: 'warning',
    description: 'An external link redirects permanently (with `--external`).',
    example: 'a permanent redirect (301/308); link to where it leads',
    check: ['external'],
  },
  {
    id: 'unsafe-url',
    severity: 'error',
    description: 'A URL that runs script or starts a program when followed (the content guard stops the build on it too).',
    example:
      '`[x](javascript:alert(1))`, a `data:text/html` link, `<a href="vbscript:…">`, a `[ref]: javascript:…` definition; links use http(s), mailto, tel or relative URLs, images also `data:image/png`',
    check: ['source'],
  },
  {
    id: 'site-unreachable',
    severity: 'error',
    description:
      'With `--url`, the site could not be checked: its start page did not answer 2xx after the retries, or no page was found. Reported whatever rules are selected.',
    example: 'nothing listening, HTTP 500, 404 or 429, an answer slower than `--timeout`, a start page without links',
    check: ['built'],
  },
  {
    id: 'parse-error',
    severity: 'error',
    description: 'A page cannot be parsed, so its links were not checked.',
    example: 'an MDX page that cannot be read (it still counts in the summary)',
    check: ['source'],
  },
];

/** The passes the selected rules need (the source pass always runs: the others map back to its lines). */
export function passesOf(rules: readonly LinkRule[]): Set<LinkPass> {
  return new Set<LinkPass>(['source', ...rules.flatMap((rule) => rule.check)]);
}
