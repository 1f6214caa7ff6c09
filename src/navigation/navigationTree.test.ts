import { describe, expect, it } from 'vitest';
import { parseRegistry, type LocaleRegistry } from '../i18n/locales.ts';
import { toPageFile } from '../model/pageFile.ts';
import { buildSite } from '../model/site.ts';
import { navigationTree } from './navigationTree.ts';

const registry = parseRegistry({
  source: 'en',
  locales: [
    { code: 'en', name: 'English', dir: 'ltr', status: 'complete' },
    { code: 'de', name: 'Deutsch', dir: 'ltr', status: 'partial' },
  ],
}) as LocaleRegistry;

const file = (title: string, order: number) =>
  `---\ntitle: ${title}\ndescription: About ${title}, in a sentence or two.\norder: ${order}\n---\nText.`;
const site = buildSite(
  registry,
  new Map([
    [
      'en',
      [
        toPageFile('en', 'index.mdx', file('Home', 0)),
        toPageFile('en', 'leads/index.mdx', file('Leads', 1)),
        toPageFile('en', 'leads/crm/salesforce.mdx', file('Salesforce', 1)),
      ],
    ],
    ['de', [toPageFile('de', 'index.mdx', file('Start', 0).replace('Text.', 'Ein deutscher Text.'))]],
  ]),
);

describe('navigationTree', () => {
  it("builds each locale's tree from the content model once and reuses it", () => {
    const tree = navigationTree(site, 'de');
    expect(navigationTree(site, 'de')).toBe(tree);
    expect(navigationTree(site, 'en')).not.toBe(tree);
    expect(tree.section('leads')?.index?.description).toBe('About Leads, in a sentence or two.');
    expect(tree.sectionOf('leads/crm/salesforce')?.slug).toBe('leads/crm');
  });

  it('marks fallback pages with the language they are written in', () => {
    const tree = navigationTree(site, 'de');
    expect(tree.page('leads/crm/salesforce')?.lang).toBe('en');
    expect(tree.page('')?.lang).toBeUndefined();
  });
});
