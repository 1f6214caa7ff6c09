/**
 * Translation notices on a real build: a page whose English source changed
 * since its recorded revision says it may be out of date, a machine-translated
 * page says so, each linking to the original; a current human translation
 * shows nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readPage } from './helpers/html.ts';
import { sharedBuild } from './helpers/sharedBuild.ts';
import { PLANTED_SITE } from './helpers/sites.ts';

let dist: string;

// The shared copy with planted problems (tests/helpers/sites.ts): the English guide changed since its German
// translation, the German home page marked machine-translated (and broken links, which tests/links.test.ts reads).
beforeAll(() => {
  dist = sharedBuild(PLANTED_SITE).dist;
});

describe('translation notices', () => {
  it('says a translation may be out of date when its source changed, with a link to the original', () => {
    const page = readPage(dist, 'de/lead-management/enable-lead-sharing/index.html');
    expect(page.all('aside.notice').map((notice) => notice.properties.className)).toEqual([['notice', 'notice-outdated']]);
    expect(page.text('aside.notice-outdated')).toContain('Das Original auf Englisch wurde geändert');
    expect(page.attr('aside.notice-outdated a', 'href')).toBe('/en/lead-management/enable-lead-sharing/');
    expect(page.attr('aside.notice-outdated', 'role')).toBe('note');
  });

  it('says a page is machine-translated, with a link to the original', () => {
    const page = readPage(dist, 'de/index.html');
    expect(page.text('aside.notice-machine')).toContain('maschinell übersetzt');
    expect(page.attr('aside.notice-machine a', 'href')).toBe('/en/');
  });

  it('shows no notice on the source or on a current human translation', () => {
    expect(readPage(dist, 'en/lead-management/enable-lead-sharing/index.html').all('aside.notice')).toEqual([]);
    expect(readPage(dist, 'en/index.html').all('aside.notice')).toEqual([]);
  });
});
