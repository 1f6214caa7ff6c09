/**
 * A page's URL is defined once (src/model/slug.ts, Astro's own rule): a file
 * named with capitals, `_` and `.` is built at the URL the checkers expect,
 * so a link to that URL checks clean and the translation pairs with it.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceHash } from '../src/content/sourceHash.ts';
import { astroBuild, copyProject, run, type ProjectCopy, type RunResult } from './helpers/project.ts';

let project: ProjectCopy;
let build: RunResult;

const english = `---
title: A page with an awkward file name
description: Checks that unusual file names get the same URL on the site and in the checkers.
order: 999
---

This page lives in \`Enable_Lead.Sharing.mdx\`.

## Where it is {/* #where */}

Its address is made by Astro's slug rule.
`;

beforeAll(() => {
  project = copyProject();
  const path = (locale: string) => join(project.dir, 'content', locale, 'lead-management/Enable_Lead.Sharing.mdx');
  writeFileSync(path('en'), english);
  writeFileSync(
    path('de'),
    `---
title: Eine Seite mit ungewöhnlichem Dateinamen
description: Prüft, dass ungewöhnliche Dateinamen auf der Website und in den Prüfungen dieselbe Adresse erhalten.
order: 999
translation:
  source: ${sourceHash(english)}
  method: human
---

Diese Seite steht in \`Enable_Lead.Sharing.mdx\`.

## Wo sie liegt {/* #where */}

Ihre Adresse entsteht nach der Slug-Regel von Astro.
`,
  );
  // Link to it from the home pages, at its real URL and section.
  // Every translated home page (Dutch too) gets the link, so the translations keep lining up with English.
  for (const locale of readdirSync(join(project.dir, 'content')).filter((entry) =>
    existsSync(join(project.dir, 'content', entry, 'index.mdx')),
  )) {
    const home = join(project.dir, 'content', locale, 'index.mdx');
    writeFileSync(home, `${readFileSync(home, 'utf8').trimEnd()}\n\n[Slug](/${locale}/lead-management/enable_leadsharing/#where)\n`);
  }
  build = astroBuild(project.dir);
});

afterAll(() => project?.remove());

describe('a page file named Enable_Lead.Sharing.mdx', () => {
  it('is built at the URL Astro gives it', () => {
    expect(build.code, build.output).toBe(0);
    expect(existsSync(join(project.dir, 'dist/en/lead-management/enable_leadsharing/index.html'))).toBe(true);
    expect(existsSync(join(project.dir, 'dist/de/lead-management/enable_leadsharing/index.html'))).toBe(true);
  });

  it('checks clean in both checkers', () => {
    const i18n = run(project.dir, process.execPath, ['scripts/check-i18n.ts', '--format', 'json']);
    expect(i18n.code, i18n.output).toBe(0);
    // Partial locales (Dutch, Arabic) lacking the page is a to-do warning, not a pairing problem.
    expect(
      JSON.parse(i18n.stdout).findings.filter(
        (finding: { file: string; rule: string; locale: string; severity: string }) =>
          finding.file.includes('Enable_Lead') && !(finding.rule === 'missing-page' && finding.severity === 'warning'),
      ),
    ).toEqual([]);
    const links = run(project.dir, process.execPath, ['scripts/check-links.ts', '--format', 'json']);
    expect(links.code, links.output).toBe(0);
    expect(JSON.parse(links.stdout).findings).toEqual([]);
  });
});
