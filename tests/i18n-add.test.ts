/**
 * `npm run i18n:add` on temporary copies of the project: a new locale in one
 * command, a second run that changes nothing, and every refusal (bad code,
 * existing locale, broken registry, unwritable folder) leaving the project
 * byte for byte as it was, with exit code 2.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runInProcess } from './helpers/inProcess.ts';
import { copyProject, type ProjectCopy } from './helpers/project.ts';

let project: ProjectCopy | undefined;
afterEach(() => project?.remove());

/** The command as a translator runs it, in this worker (tests/helpers/inProcess.ts; tests/cli.test.ts runs commands as processes). */
const add = (dir: string, ...args: string[]) => runInProcess(dir, 'scripts/i18n-add.ts', args);
const snapshot = (dir: string) => {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(join(dir, 'content'), { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, 'content', entry);
    try {
      files[entry] = readFileSync(path, 'utf8');
    } catch {
      files[entry] = '(folder)';
    }
  }
  return files;
};

describe('npm run i18n:add', () => {
  it('adds a partial locale with its own name, direction and starter namespaces, and a second run changes nothing', async () => {
    project = copyProject();
    const before = readFileSync(join(project.dir, 'content/locales.json'), 'utf8');
    const result = await add(project.dir, 'fr');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Added fr (Français, ltr) as a partial locale.');
    expect(result.stdout).toContain('npm run i18n:stamp -- content/fr/');
    const after = readFileSync(join(project.dir, 'content/locales.json'), 'utf8');
    // Only characters after the last entry were added: what a person wrote is a prefix, untouched.
    const lastEntryEnd = before.lastIndexOf('}', before.lastIndexOf(']'));
    expect(after.slice(0, lastEntryEnd + 1)).toBe(before.slice(0, lastEntryEnd + 1));
    expect(JSON.parse(after).locales.at(-1)).toEqual({ code: 'fr', name: 'Français', dir: 'ltr', status: 'partial' });
    expect(readFileSync(join(project.dir, 'content/fr/ui.json'), 'utf8')).toBe(
      readFileSync(join(project.dir, 'content/en/ui.json'), 'utf8'),
    );
    expect(existsSync(join(project.dir, 'content/fr/tables.json'))).toBe(true);

    const state = snapshot(project.dir);
    const again = await add(project.dir, 'fr');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('nothing changed');
    expect(snapshot(project.dir)).toEqual(state);

    // The new locale passes the translation check: its to-do items are warnings, not errors.
    const check = await runInProcess(project.dir, 'scripts/check-i18n.ts', ['--locale', 'fr', '--format', 'json']);
    expect(check.code).toBe(0);
    const rules = new Set(
      (JSON.parse(check.stdout) as { findings: { rule: string; severity: string }[] }).findings.map((f) => `${f.rule}:${f.severity}`),
    );
    expect([...rules].sort()).toEqual(['missing-page:warning', 'ui-untranslated:warning']);
  });

  it('derives direction and hreflang from the tag: Hebrew is rtl, pt-BR keeps its region tag', async () => {
    project = copyProject();
    expect((await add(project.dir, 'he')).stdout).toContain('Added he (עברית, rtl)');
    expect((await add(project.dir, 'PT-br')).code).toBe(0);
    const locales = JSON.parse(readFileSync(join(project.dir, 'content/locales.json'), 'utf8')).locales;
    expect(locales.slice(-2)).toEqual([
      { code: 'he', name: 'עברית', dir: 'rtl', status: 'partial' },
      { code: 'pt-br', name: 'Português (Brasil)', dir: 'ltr', status: 'partial', hreflang: 'pt-BR' },
    ]);
    expect(existsSync(join(project.dir, 'content/pt-br/ui.json'))).toBe(true);
  });

  it('keeps a BOM, CRLF line endings and multi-line entries as the author wrote them', async () => {
    project = copyProject();
    const file = join(project.dir, 'content/locales.json');
    const written =
      '\uFEFF{\r\n  "source": "en",\r\n  "locales": [\r\n    {\r\n      "code": "en", "name": "English", "dir": "ltr", "status": "complete"\r\n    },\r\n    {\r\n      "code": "de",\r\n      "name": "Deutsch",\r\n      "dir": "ltr",\r\n      "status": "complete"\r\n    }\r\n  ]\r\n}\r\n';
    writeFileSync(file, written);
    expect((await add(project.dir, 'nl', '--name', 'Nederlands (NL)')).code).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect(after.startsWith(written.slice(0, written.lastIndexOf('}\r\n  ]') + 1))).toBe(true);
    expect(after).toContain(
      '    },\r\n    {\r\n      "code": "nl",\r\n      "name": "Nederlands (NL)",\r\n      "dir": "ltr",\r\n      "status": "partial"\r\n    }\r\n  ]\r\n}\r\n',
    );
  });

  it.each([
    [['xx'], /"xx" is not a language Intl knows/],
    [['en_US!'], /not a valid BCP 47 language tag/],
    [['de'], /"de" is already a locale/],
    [['en'], /"en" is the source locale/],
    [['fr', '--dir', 'up'], /--dir must be "ltr" or "rtl"/],
    [[], /name the locale to add/],
  ])('refuses %j with exit 2 and writes nothing', async (args, message) => {
    project = copyProject();
    const state = snapshot(project.dir);
    const result = await add(project.dir, ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(project.dir)).toEqual(state);
  });

  it('refuses an existing locale whose options differ, pointing at its entry', async () => {
    project = copyProject();
    const result = await add(project.dir, 'de', '--name', 'Duits');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /content\/locales\.json:\d+:\d+ {2}"de" is already a locale \(Deutsch, complete\), with status "complete" \(not "partial"\), name "Deutsch" \(not "Duits"\)/,
    );
  });

  it('reports a broken registry with its line and leaves it untouched', async () => {
    project = copyProject();
    const file = join(project.dir, 'content/locales.json');
    const broken =
      '{\n  "source": "en",\n  "locales": [\n    { "code": "en", "name": "English", "dir": "ltr", "status": "complete" },\n  ]\n}\n';
    writeFileSync(file, broken);
    const result = await add(project.dir, 'fr');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('content/locales.json:5:3  Invalid JSON: a trailing comma is not allowed.');
    expect(readFileSync(file, 'utf8')).toBe(broken);
    expect(existsSync(join(project.dir, 'content/fr'))).toBe(false);
  });

  it('leaves nothing behind when the locale folder cannot be written', async () => {
    project = copyProject();
    // A file where the folder should go fails the write on every system, even for root (chmod would not).
    writeFileSync(join(project.dir, 'content/fr'), 'not a folder');
    mkdirSync(join(project.dir, 'content/sub'), { recursive: true });
    const registry = readFileSync(join(project.dir, 'content/locales.json'), 'utf8');
    const result = await add(project.dir, 'fr');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/content\/fr\/ {2}Could not write \(\w+\); nothing was changed/);
    expect(readFileSync(join(project.dir, 'content/locales.json'), 'utf8')).toBe(registry);
    expect(readFileSync(join(project.dir, 'content/fr'), 'utf8')).toBe('not a folder');
  });
});
