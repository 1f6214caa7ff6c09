/**
 * The builds that several test files read (tests/helpers/sharedBuild.ts), so
 * each is built once per run:
 *
 * - REAL_SITE: the working tree as it is (with its git dates), built like `npm run build:site`.
 * - FALLBACK_SITE: the German guide removed (a fallback page), English-only
 *   pages in nested sections (German fallbacks, navigation with depth), and a
 *   repository to edit pages in (EDIT_BASE_URL).
 * - PLANTED_SITE: problems a reader or the link check must be told about, each
 *   where the others cannot hide it: links a layout breaks (one literal, one
 *   computed), a broken anchor in the German guide, the English guide changed
 *   since its German translation, the German home page machine-translated.
 *   Read by tests/links.test.ts (which runs the link check on it) and
 *   tests/notices.test.ts.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { page as mdx } from './fixture.ts';
import type { BuildVariant } from './sharedBuild.ts';

export const REAL_SITE: BuildVariant = { name: 'real-site', inPlace: true };

/** Where FALLBACK_SITE's "Edit this page" links point. */
export const EDIT_BASE_URL = 'https://github.com/contoso/publisher-docs/edit/main/';

/** English-only pages in nested sections of their own: in German they are fallbacks, and the navigation has depth. */
export const NESTED_PAGES: Record<string, string> = {
  'content/en/partner-tools/index.mdx': mdx(
    {
      title: 'Tools for marketplace partners',
      navTitle: 'Partner tools',
      description: 'Systems a marketplace partner connects to the marketplace, grouped by what they do.',
      order: 900,
    },
    'This section groups the systems partners connect.\n\n## Before you start {/* #before-you-start */}\n\nHave a CRM ready.',
  ),
  'content/en/partner-tools/destinations/index.mdx': mdx(
    {
      title: 'Lead destinations for partners',
      navTitle: 'Destinations',
      description: 'The systems that can receive your marketplace leads, and how to connect each one.',
      order: 50,
    },
    'Pick the system your sales team works in.',
  ),
  'content/en/partner-tools/destinations/salesforce.mdx': mdx(
    {
      title: 'Send leads to Salesforce',
      navTitle: 'Salesforce',
      description: 'Connect Salesforce as the lead destination of a marketplace offer, step by step.',
      order: 20,
    },
    'Salesforce receives leads through a web-to-lead form.\n\n## Prepare the form {/* #prepare */}\n\nCreate the form first.',
  ),
  'content/en/partner-tools/destinations/dynamics.mdx': mdx(
    {
      title: 'Send leads to Dynamics 365',
      navTitle: 'Dynamics 365',
      description: 'Connect Dynamics 365 as the lead destination of a marketplace offer, step by step.',
      order: 10,
    },
    'Dynamics 365 receives leads in its lead entity.',
  ),
  'content/en/partner-tools/destinations/https/endpoint.mdx': mdx(
    {
      title: 'Send leads to an HTTPS endpoint',
      navTitle: 'HTTPS endpoint',
      description: 'Receive marketplace leads on an HTTPS endpoint of your own, as JSON.',
      order: 10,
    },
    'Your endpoint receives each lead as JSON.',
  ),
};
export const FALLBACK_SITE: BuildVariant = {
  name: 'fallback-site',
  prepare: (dir) => {
    rmSync(join(dir, 'content/de/lead-management/enable-lead-sharing.mdx'));
    for (const [file, text] of Object.entries(NESTED_PAGES)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
  },
  env: { EDIT_BASE_URL },
};

/** The layout of PLANTED_SITE, with the two links it breaks. */
export const PLANTED_LAYOUT = 'src/layouts/PageLayout.astro';

export const PLANTED_SITE: BuildVariant = {
  name: 'planted-site',
  prepare: (dir) => {
    const edit = (file: string, change: (text: string) => string) =>
      writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
    // A link the layout writes as a literal, and one it computes: both lead nowhere.
    edit('src/layouts/PageLayout.astro', (text) =>
      text.replace(
        "<p>{t('footer.note')}</p>",
        '<p>{t(\'footer.note\')}</p>\n      <a class="legal" href="/en/legal-notice/">Legal</a>\n      <a class="imprint" href={pageUrl(route.locale, \'imprint\')}>Imprint</a>',
      ),
    );
    // An anchor the German home page does not have.
    edit('content/de/lead-management/enable-lead-sharing.mdx', (text) =>
      text.replace('[Übersicht aller Leitfäden](/de/)', '[Übersicht aller Leitfäden](/de/#ubersicht)'),
    );
    // The English guide moves on; its German translation still records the old revision.
    edit('content/en/lead-management/enable-lead-sharing.mdx', (text) =>
      text.replace('Have a follow-up process in place', 'Set up a follow-up process'),
    );
    // The German home page is marked machine-translated.
    edit('content/de/index.mdx', (text) => text.replace('method: human', 'method: machine'));
  },
};
