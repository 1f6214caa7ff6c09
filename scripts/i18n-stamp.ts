/**
 * `npm run i18n:stamp -- [--method human|machine] [--reviewed] <file>…`:
 * records in each translation that it is up to date with the current source
 * page: the source's hash in `translation.source` and a fingerprint per
 * source section in `translation.sections` (so `outdated` can later name the
 * changed sections without git history), plus `method` and `reviewed` when
 * asked. Only those values change; comments, key order, the page body, a BOM
 * and CRLF line endings are kept byte for byte. It checks the page first
 * (scripts/i18n/stampCheck.ts) and refuses a stamp that would not be true.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseMdx } from '../src/content/mdx.ts';
import { sourceHash } from '../src/content/sourceHash.ts';
import { sectionFingerprints, withTranslationPrints } from '../src/translation/sections.ts';
import { loadGlossary } from '../src/translation/glossary.ts';
import { toPageFile } from '../src/model/pageFile.ts';
import { stampProblems } from './i18n/stampCheck.ts';
import { formatPretty } from '../src/report/format/pretty.ts';
import { loadRegistry } from '../src/i18n/locales.ts';
import { loadSite } from '../src/model/site.ts';
import { stampTranslation } from './i18n/stamp.ts';
import { EXIT, paint, parseCli, runCommand, UsageError } from './lib/cli.ts';

const USAGE = `Usage: npm run i18n:stamp -- [--method human|machine] [--machine-section <id>]… [--reviewed] [--partial] [--force] <content/<locale>/page.mdx>…

Marks each translation as made from the current source page: records the
source's hash and a fingerprint of each of its sections. Checks the page
first and refuses (exit 1, with the findings) when it has errors, blocks
still in the source language, or sections the source changed that the
translation has not.
  --partial   the page is partly translated on purpose: stamp it with blocks still in the source language
  --force     stamp anyway
  --method    also set translation.method (default: keep it, or "human" for a new record);
              --method machine records reviewed: false unless --reviewed is given
  --machine-section <id>  this section (heading id, _intro or _meta) was machine-translated in a page
              otherwise translated by a person; readers see it marked until it is reviewed (repeatable)
  --reviewed  a person has reviewed the translation: set translation.reviewed: true and clear machineSections`;

await runCommand(USAGE, () => {
  const { values, positionals } = parseCli(process.argv.slice(2), {
    method: { type: 'string' },
    reviewed: { type: 'boolean' },
    partial: { type: 'boolean' },
    force: { type: 'boolean' },
    'machine-section': { type: 'string', multiple: true },
  });
  if (positionals.length === 0) throw new UsageError('name at least one translated page.');
  if (values.method !== undefined && values.method !== 'human' && values.method !== 'machine')
    throw new UsageError('--method must be "human" or "machine".');
  const root = process.cwd();
  const registry = loadRegistry(root);
  const glossary = loadGlossary(root);
  // The content model pairs each translation with its source page (by slug, as the site does).
  const site = loadSite(root, registry);
  let failures = 0;
  for (const argument of positionals) {
    const file = relative(root, resolve(argument)).split('\\').join('/');
    const [folder, locale, ...rest] = file.split('/');
    const fail = (message: string) => {
      failures++;
      process.stderr.write(`${file}  ${paint('red', 'error')} ${message}\n`);
    };
    if (folder !== 'content' || !locale || rest.length === 0 || !file.endsWith('.mdx')) {
      fail('not a page under content/<locale>/.');
      continue;
    }
    if (!registry.get(locale)) {
      fail(`"${locale}" is not a locale in content/locales.json (${registry.codes.join(', ')}).`);
      continue;
    }
    if (locale === registry.source.code) {
      fail('this is a source page; stamp its translations instead.');
      continue;
    }
    if (!existsSync(file)) {
      fail('file not found.');
      continue;
    }
    const sourceFile = site.byFile(file)?.sourceFile;
    if (!sourceFile) {
      fail(`it has no source page (content/${registry.source.code}/${rest.join('/')} does not exist).`);
      continue;
    }
    const sourceText = readFileSync(sourceFile, 'utf8');
    const parsed = parseMdx(sourceFile, sourceText);
    if (!parsed.ok) {
      fail(`its source page does not parse (${parsed.problems[0]?.message ?? 'unknown problem'}); fix ${sourceFile} first.`);
      continue;
    }
    const hash = sourceHash(sourceText);
    const fingerprints = sectionFingerprints(parsed.doc.tree, parsed.doc.rawFrontmatter);
    const unknown = (values['machine-section'] ?? []).filter((id) => !(id in fingerprints));
    if (unknown.length > 0) {
      fail(
        `--machine-section ${unknown.join(', ')}: not a section of ${sourceFile} (its sections: ${Object.keys(fingerprints).join(', ')}).`,
      );
      continue;
    }
    const text = readFileSync(file, 'utf8');
    const own = parseMdx(file, text);
    if (!own.ok) {
      fail(`it does not parse (${own.problems[0]?.message ?? 'unknown problem'}); fix it first.`);
      continue;
    }
    const ownSections = sectionFingerprints(own.doc.tree, own.doc.rawFrontmatter);
    const result = stampTranslation(text, {
      source: hash,
      sections: withTranslationPrints(fingerprints, ownSections),
      method: values.method as 'human' | 'machine' | undefined,
      ...(values.reviewed ? { reviewed: true } : {}),
      machineSections: values['machine-section'],
    });
    if ('error' in result) {
      fail(result.error);
      continue;
    }
    if (!values.force) {
      const path = rest.join('/');
      const problems = stampProblems({
        root,
        registry,
        glossary,
        source: toPageFile(registry.source.code, path, sourceText),
        translation: toPageFile(locale, path, text),
        stamped: result.text ?? text,
        translationSections: ownSections,
        partial: values.partial === true,
      });
      if (problems.length > 0) {
        failures++;
        process.stderr.write(
          `${file}  ${paint('red', 'not stamped')}: the stamp would say it matches ${sourceFile}, and it does not yet.\n${formatPretty({ findings: problems, summary: undefined }, { color: process.stderr.isTTY === true, totals: false })}`,
        );
        continue;
      }
    }
    if (result.text !== null) writeFileSync(file, result.text);
    process.stdout.write(`${file}  ${result.text === null ? 'already up to date' : paint('green', 'stamped')} ${hash}\n`);
  }
  return failures > 0 ? EXIT.problems : EXIT.ok;
});
