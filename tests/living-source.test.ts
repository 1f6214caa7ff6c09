/**
 * English changes every week; three translations follow it. A copy of the
 * project gets one more page in English, German (complete, by a person),
 * French (a new locale, partly translated) and Dutch (machine-translated).
 * Then English makes each kind of change in turn (text, link target,
 * component prop, new section, removed section, table row, title), and after
 * each: nothing is an error; every translation shows the change as outdated
 * in check:i18n, the status (the dashboard's and i18n:status's overview) and
 * the reader's notice; the counts of every view agree; and once each
 * translator has updated the page and run `npm run i18n:stamp`, all is clean
 * again.
 *
 * Cost: one copied project. check:i18n, the status and the notice's inputs
 * are read as library calls on the copy (the commands print exactly these;
 * the notice and the dashboard render these same model fields); the stamp is
 * the real command, run in this worker (tests/helpers/inProcess.ts). The real
 * `npm run build` runs for two of the seven kinds (a link target, which failed
 * every locale's build before, and a table row, which the guard stopped), and
 * its pages (the notice, `lang` of blocks and labels still in English, the
 * dashboard) are read from dist/.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../src/i18n/locales.ts';
import { loadSite } from '../src/model/site.ts';
import { loadGlossary } from '../src/translation/glossary.ts';
import { translationOverview } from '../src/translation/overview.ts';
import { checkTranslations } from '../scripts/i18n/check.ts';
import { expectCountsAgree } from './helpers/counts.ts';
import { readPage, textOf, type Page } from './helpers/html.ts';
import { runInProcess } from './helpers/inProcess.ts';
import { copyProject, type ProjectCopy } from './helpers/project.ts';

const PAGE = 'living-guide.mdx';
const SLUG = 'living-guide';
const LOCALES = ['de', 'fr', 'nl'] as const;
type Locale = (typeof LOCALES)[number];

const EN = `---
title: Keep leads flowing
description: A page English keeps changing, to show how translations follow the source.
order: 90
---

Start with [the overview](/en/lead-management/) before you connect anything to the marketplace.

## Connect your CRM {/* #connect */}

Connect your CRM to the marketplace in [Partner Center](https://partner.microsoft.com/dashboard) and choose where leads go.

<StorefrontTable table="audience" />

## Test the connection {/* #test */}

Send a test lead and check that it arrives in your CRM within a few minutes.

<DataTable table="customer-actions" />

## Next steps {/* #next-steps */}

Read how to [work your leads](/en/lead-management/work-your-leads/) once they arrive in your system.
`;

const DE = `---
title: Leads am Laufen halten
description: Eine Seite, die sich auf Englisch ständig ändert, um zu zeigen, wie Übersetzungen folgen.
order: 90
---

Beginnen Sie mit [der Übersicht](/de/lead-management/), bevor Sie etwas mit dem Marketplace verbinden.

## Ihr CRM verbinden {/* #connect */}

Verbinden Sie Ihr CRM im [Partner Center](https://partner.microsoft.com/dashboard) mit dem Marketplace und wählen Sie, wohin Leads gehen.

<StorefrontTable table="audience" />

## Die Verbindung testen {/* #test */}

Senden Sie einen Test-Lead und prüfen Sie, ob er innerhalb weniger Minuten in Ihrem CRM ankommt.

<DataTable table="customer-actions" />

## Nächste Schritte {/* #next-steps */}

Lesen Sie, wie Sie [Ihre Leads bearbeiten](/de/lead-management/work-your-leads/), sobald sie in Ihrem System ankommen.
`;

// French: the introduction and #connect translated; #test and #next-steps still in English (a partial page).
const FR = `---
title: Garder le flux de prospects
description: Une page que l’anglais modifie sans cesse, pour montrer comment les traductions suivent.
order: 90
---

Commencez par [la vue d’ensemble](/fr/lead-management/) avant de connecter quoi que ce soit à la place de marché.

## Connecter votre CRM {/* #connect */}

Connectez votre CRM à la place de marché dans [Partner Center](https://partner.microsoft.com/dashboard) et choisissez où vont les prospects.

<StorefrontTable table="audience" />

## Test the connection {/* #test */}

Send a test lead and check that it arrives in your CRM within a few minutes.

<DataTable table="customer-actions" />

## Next steps {/* #next-steps */}

Read how to [work your leads](/fr/lead-management/work-your-leads/) once they arrive in your system.
`;

const NL = `---
title: Leads laten doorstromen
description: Een pagina die het Engels steeds verandert, om te tonen hoe vertalingen de bron volgen.
order: 90
---

Begin met [het overzicht](/nl/lead-management/) voordat u iets met de marketplace verbindt.

## Uw CRM verbinden {/* #connect */}

Verbind uw CRM met de marketplace in [Partner Center](https://partner.microsoft.com/dashboard) en kies waar leads naartoe gaan.

<StorefrontTable table="audience" />

## De verbinding testen {/* #test */}

Stuur een testlead en controleer of deze binnen enkele minuten in uw CRM aankomt.

<DataTable table="customer-actions" />

## Volgende stappen {/* #next-steps */}

Lees hoe u [uw leads bewerkt](/nl/lead-management/work-your-leads/) zodra ze in uw systeem aankomen.
`;

type Edit = (text: string) => string;
const swap =
  (from: string, to: string): Edit =>
  (text) => {
    if (!text.includes(from)) throw new Error(`the fixture has no "${from}"`);
    return text.replace(from, to);
  };

interface Change {
  kind: string;
  /** The section English changed (`_meta` for the title); none for a table row (it is not in the page). */
  section: string | undefined;
  en: Edit;
  /** What each translator does to follow. */
  follow: Record<Locale, Edit>;
  /** Shared files English changes (content/tables.json…), and what each translator adds there. */
  files?: { en: Record<string, Edit>; follow: Record<Locale, Record<string, Edit>> };
  build?: boolean;
}

const troubleshootEn =
  '## Troubleshoot {/* #troubleshoot */}\n\nIf no lead arrives, open the connection settings and check every field again.\n\n## Next steps {/* #next-steps */}';
const addRow: Edit = (text) => {
  const tables = JSON.parse(text) as { dataTables: Record<string, { rows: unknown[] }> };
  tables.dataTables['customer-actions']!.rows.push({ header: 'action-request-demo', cells: [['created-contact-me']] });
  return `${JSON.stringify(tables, null, 2)}\n`;
};
const addLabel =
  (label: string): Edit =>
  (text) => {
    const labels = JSON.parse(text) as { item: Record<string, string> };
    labels.item['action-request-demo'] = label;
    return `${JSON.stringify(labels, null, 2)}\n`;
  };

const CHANGES: Change[] = [
  {
    kind: 'text',
    section: 'test',
    en: swap('within a few minutes', 'within five minutes'),
    follow: {
      de: swap('innerhalb weniger Minuten', 'innerhalb von fünf Minuten'),
      fr: swap('within a few minutes', 'within five minutes'),
      nl: swap('binnen enkele minuten', 'binnen vijf minuten'),
    },
  },
  {
    kind: 'link target',
    section: 'connect',
    build: true,
    en: swap('https://partner.microsoft.com/dashboard)', 'https://partner.microsoft.com/dashboard/home)'),
    follow: Object.fromEntries(
      LOCALES.map((locale) => [locale, swap('https://partner.microsoft.com/dashboard)', 'https://partner.microsoft.com/dashboard/home)')]),
    ) as Record<Locale, Edit>,
  },
  {
    kind: 'component prop',
    section: 'connect',
    en: swap('<StorefrontTable table="audience" />', '<StorefrontTable table="campaign" />'),
    follow: Object.fromEntries(
      LOCALES.map((locale) => [locale, swap('<StorefrontTable table="audience" />', '<StorefrontTable table="campaign" />')]),
    ) as Record<Locale, Edit>,
  },
  {
    kind: 'new section',
    section: 'troubleshoot',
    en: swap('## Next steps {/* #next-steps */}', troubleshootEn),
    follow: {
      de: swap(
        '## Nächste Schritte {/* #next-steps */}',
        '## Fehler beheben {/* #troubleshoot */}\n\nWenn kein Lead ankommt, öffnen Sie die Verbindungseinstellungen und prüfen Sie jedes Feld erneut.\n\n## Nächste Schritte {/* #next-steps */}',
      ),
      fr: swap('## Next steps {/* #next-steps */}', troubleshootEn),
      nl: swap(
        '## Volgende stappen {/* #next-steps */}',
        '## Problemen oplossen {/* #troubleshoot */}\n\nAls er geen lead aankomt, open dan de verbindingsinstellingen en controleer elk veld opnieuw.\n\n## Volgende stappen {/* #next-steps */}',
      ),
    },
  },
  {
    kind: 'removed section',
    section: 'troubleshoot',
    en: swap(
      '## Troubleshoot {/* #troubleshoot */}\n\nIf no lead arrives, open the connection settings and check every field again.\n\n',
      '',
    ),
    follow: {
      de: swap(
        '## Fehler beheben {/* #troubleshoot */}\n\nWenn kein Lead ankommt, öffnen Sie die Verbindungseinstellungen und prüfen Sie jedes Feld erneut.\n\n',
        '',
      ),
      fr: swap(
        '## Troubleshoot {/* #troubleshoot */}\n\nIf no lead arrives, open the connection settings and check every field again.\n\n',
        '',
      ),
      nl: swap(
        '## Problemen oplossen {/* #troubleshoot */}\n\nAls er geen lead aankomt, open dan de verbindingsinstellingen en controleer elk veld opnieuw.\n\n',
        '',
      ),
    },
  },
  {
    kind: 'table row',
    section: undefined,
    build: true,
    en: (text) => text,
    follow: { de: (text) => text, fr: (text) => text, nl: (text) => text },
    files: {
      en: { 'content/tables.json': addRow, 'content/en/tables.json': addLabel('Request a demo') },
      follow: {
        de: { 'content/de/tables.json': addLabel('Demo anfordern') },
        fr: { 'content/fr/tables.json': addLabel('Demander une démo') },
        nl: { 'content/nl/tables.json': addLabel('Demo aanvragen') },
      },
    },
  },
  {
    kind: 'title',
    section: '_meta',
    en: swap('title: Keep leads flowing', 'title: Keep your leads flowing'),
    follow: {
      de: swap('title: Leads am Laufen halten', 'title: Ihre Leads am Laufen halten'),
      fr: swap('title: Garder le flux de prospects', 'title: Garder le flux de vos prospects'),
      nl: swap('title: Leads laten doorstromen', 'title: Uw leads laten doorstromen'),
    },
  },
];

const textOfRow = (dashboard: Page, locale: string) => textOf(dashboard.one(`tr[data-locale="${locale}"][data-slug="${SLUG}"]`));

let project: ProjectCopy;
let dir: string;
const file = (locale: string) => `content/${locale}/${PAGE}`;
const edit = (path: string, change: Edit) => writeFileSync(join(dir, path), change(readFileSync(join(dir, path), 'utf8')));
/** A command as a translator runs it, in this worker (tests/helpers/inProcess.ts). */
const command = (script: string, ...args: string[]) => runInProcess(dir, script, args);
/** The real `npm run build`, as long as it takes on a busy machine (no time limit on the build itself). */
function npmBuild() {
  const result = spawnSync(process.execPath, ['scripts/build.ts'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { code: result.status, stdout: result.stdout, output: `${result.stdout}\n${result.stderr}` };
}

/** The real `npm run i18n:stamp` as each translator runs it. */
async function stamp(locale: Locale) {
  const options = locale === 'fr' ? ['--partial'] : locale === 'nl' ? ['--method', 'machine'] : [];
  const result = await command('scripts/i18n-stamp.ts', ...options, file(locale));
  expect(result.code, result.output).toBe(0);
}

/** check:i18n and the status, as library calls on the copy (what the commands print). */
function views() {
  const registry = loadRegistry(dir);
  const site = loadSite(dir, registry);
  const report = checkTranslations({ root: dir, registry, site, glossary: loadGlossary(dir), history: false });
  const overview = translationOverview(site);
  return { site, report, overview };
}

const pageFindings = (report: ReturnType<typeof views>['report'], locale: string) =>
  report.findings.filter(
    (finding) =>
      finding.file === file(locale) ||
      (finding.file === `content/${locale}/tables.json` && finding.message.includes('action-request-demo')),
  );

beforeAll(async () => {
  project = copyProject();
  dir = project.dir;
  const add = await command('scripts/i18n-add.ts', 'fr');
  expect(add.code, add.output).toBe(0);
  writeFileSync(join(dir, file('en')), EN);
  writeFileSync(join(dir, file('de')), DE);
  writeFileSync(join(dir, file('fr')), FR);
  writeFileSync(join(dir, file('nl')), NL);
  for (const locale of LOCALES) await stamp(locale);
}, 300_000);

afterAll(() => project?.remove());

describe('translations that survive a living source', () => {
  it('starts clean: German translated, French partial, Dutch machine-translated', () => {
    const state = views();
    const rows = Object.fromEntries(state.overview.map((locale) => [locale.code, locale.pages.find((row) => row.slug === SLUG)!]));
    expect(rows.de).toMatchObject({ status: 'translated', method: 'human' });
    expect(rows.fr).toMatchObject({ status: 'partial', sourceLanguageSections: ['test', 'next-steps'] });
    expect(rows.fr!.share).toBeGreaterThan(0.3);
    expect(rows.fr!.share).toBeLessThan(0.8);
    expect(rows.nl).toMatchObject({ status: 'translated', method: 'machine', unreviewed: true });
    for (const locale of LOCALES) expect(pageFindings(state.report, locale).filter((finding) => finding.severity === 'error')).toEqual([]);
    expectCountsAgree(state.site, state.report);
  });

  for (const change of CHANGES) {
    it(`English changes ${change.kind}: nothing fails, every translation shows it, and stamping the update makes all clean`, async () => {
      edit(file('en'), change.en);
      for (const [path, apply] of Object.entries(change.files?.en ?? {})) edit(path, apply);

      let state = views();
      expect(
        state.report.findings.filter((finding) => finding.severity === 'error'),
        change.kind,
      ).toEqual([]);
      expectCountsAgree(state.site, state.report);
      for (const locale of LOCALES) {
        const row = state.overview.find((entry) => entry.code === locale)!.pages.find((entry) => entry.slug === SLUG)!;
        const findings = pageFindings(state.report, locale);
        if (change.section) {
          expect(row.status, `${locale} after ${change.kind}`).toBe('outdated');
          expect(row.changes?.map((entry) => entry.id)).toContain(change.section);
          expect(findings).toContainEqual(
            expect.objectContaining({
              rule: 'outdated',
              severity: 'warning',
              sections: expect.arrayContaining([change.section.startsWith('_') ? change.section : `#${change.section}`]),
            }),
          );
          // The notice reads this: the page's status and its changed sections, from the same model.
          const page = state.site.page(locale, SLUG)!;
          expect(page.status).toBe('outdated');
          expect(page.changes?.map((entry) => entry.id)).toContain(change.section);
        } else {
          // A new table row: each translation shows the English label, with a warning.
          expect(findings.filter((finding) => finding.rule !== 'untranslated')).toEqual([
            expect.objectContaining({
              rule: 'ui-missing-key',
              severity: 'warning',
              message: expect.stringContaining('"item.action-request-demo" is missing'),
            }),
          ]);
        }
      }

      if (change.build) {
        const build = npmBuild();
        expect(build.code, build.output).toBe(0);
        expect(build.stdout).not.toContain('✖');
        const dist = join(dir, 'dist');
        for (const locale of LOCALES) {
          const html = readPage(dist, `${locale}/${SLUG}/index.html`);
          const dashboard = readPage(dist, `translations/locales/${locale}/index.html`);
          if (change.section) {
            expect(dashboard.attr(`tr[data-locale="${locale}"][data-slug="${SLUG}"]`, 'dataState')).toBe('outdated');
            expect(html.one('main .notice-outdated'), locale).toBeDefined();
            // A changed section the page has is linked from the notice; a new one is not on the page yet.
            if (change.kind !== 'new section')
              expect(html.attr('main .notice-outdated .notice-sections a', 'href')).toBe(`#${change.section}`);
            expect(textOfRow(dashboard, locale)).toContain(`#${change.section}`);
          } else {
            expect(html.attr('table[data-table="customer-actions"] tbody tr:last-child th', 'lang'), locale).toBe('en');
          }
        }
        // French still in English where it was: the notice names those sections, and the blocks say they are English.
        const french = readPage(dist, `fr/${SLUG}/index.html`);
        expect(french.one('main .notice-partial a[href="#next-steps"]')).toBeDefined();
        expect(french.all('main article p[lang="en"]').length).toBeGreaterThan(0);
      }

      // Each translator follows English and stamps.
      for (const locale of LOCALES) {
        edit(file(locale), change.follow[locale]);
        for (const [path, apply] of Object.entries(change.files?.follow[locale] ?? {})) edit(path, apply);
        await stamp(locale);
      }
      state = views();
      expectCountsAgree(state.site, state.report);
      for (const locale of LOCALES) {
        expect(
          pageFindings(state.report, locale).filter((finding) => finding.rule !== 'untranslated'),
          `${locale} after following ${change.kind}`,
        ).toEqual([]);
        const row = state.overview.find((entry) => entry.code === locale)!.pages.find((entry) => entry.slug === SLUG)!;
        expect(row.status).toBe(locale === 'fr' ? 'partial' : 'translated');
      }
    }, 1_800_000);
  }
});
