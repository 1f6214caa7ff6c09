/**
 * `npm run i18n:stamp -- [--method human|machine] [--reviewed] <file>…`:
 * records in each translation that it is up to date with the current source
 * page: the source's hash in `translation.source` and a fingerprint per
 * source section in `translation.sections` (so `outdated` can later name the
 * changed sections without git history), plus `method` and `reviewed` when
 * asked. Only those values change; comments, key order, the page body, a BOM
 * and CRLF line endings are kept byte for byte.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseMdx } from '../src/content/mdx.ts';
import { sourceHash } from '../src/content/sourceHash.ts';
import { sectionFingerprints } from '../src/translation/sections.ts';
import { loadRegistry } from '../src/i18n/locales.ts';
import { loadSite } from '../src/model/site.ts';
import { stampTranslation } from './i18n/stamp.ts';
import { EXIT, paint, parseCli, runCommand, UsageError } from './lib/cli.ts';

const USAGE = `Usage: npm run i18n:stamp -- [--method human|machine] [--machine-section <id>]… [--reviewed] <content/<locale>/page.mdx>…

Marks each translation as made from the current source page: records the
source's hash and a fingerprint of each of its sections.
  --method    also set translation.method (default: keep it, or "human" for a new record);
              --method machine records reviewed: false unless --reviewed is given
  --machine-section <id>  this section (heading id, _intro or _meta) was machine-translated in a page
              otherwise translated by a person; readers see it marked until it is reviewed (repeatable)
  --reviewed  a person has reviewed the translation: set translation.reviewed: true and clear machineSections`;

await runCommand(USAGE, () => {
  const { values, positionals } = parseCli(process.argv.slice(2), { method: { type: 'string' }, reviewed: { type: 'boolean' }, 'machine-section': { type: 'string', multiple: true } });
  if (positionals.length === 0) throw new UsageError('name at least one translated page.');
  if (values.method !== undefined && values.method !== 'human' && values.method !== 'machine') throw new UsageError('--method must be "human" or "machine".');
  const root = process.cwd();
  const registry = loadRegistry(root);
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
    if (folder !== 'content' || !locale || rest.length === 0 || !file.endsWith('.mdx')) { fail('not a page under content/<locale>/.'); continue; }
    if (!registry.get(locale)) { fail(`"${locale}" is not a locale in content/locales.json (${registry.codes.join(', ')}).`); continue; }
    if (locale === registry.source.code) { fail('this is a source page; stamp its translations instead.'); continue; }
    if (!existsSync(file)) { fail('file not found.'); continue; }
    const sourceFile = site.byFile(file)?.sourceFile;
    if (!sourceFile) { fail(`it has no source page (content/${registry.source.code}/${rest.join('/')} does not exist).`); continue; }
    const sourceText = readFileSync(sourceFile, 'utf8');
    const parsed = parseMdx(sourceFile, sourceText);
    if (!parsed.ok) { fail(`its source page does not parse (${parsed.problems[0]?.message ?? 'unknown problem'}); fix ${sourceFile} first.`); continue; }
    const hash = sourceHash(sourceText);
    const fingerprints = sectionFingerprints(parsed.doc.tree, parsed.doc.rawFrontmatter);
    const unknown = (values['machine-section'] ?? []).filter((id) => !(id in fingerprints));
    if (unknown.length > 0) { fail(`--machine-section ${unknown.join(', ')}: not a section of ${sourceFile} (its sections: ${Object.keys(fingerprints).join(', ')}).`); continue; }
    const result = stampTranslation(readFileSync(file, 'utf8'), { source: hash, sections: fingerprints, method: values.method as 'human' | 'machine' | undefined, ...(values.reviewed ? { reviewed: true } : {}), machineSections: values['machine-section'] });
    if ('error' in result) { fail(result.error); continue; }
    if (result.text !== null) writeFileSync(file, result.text);
    process.stdout.write(`${file}  ${result.text === null ? 'already up to date' : paint('green', 'stamped')} ${hash}\n`);
  }
  return failures > 0 ? EXIT.problems : EXIT.ok;
});
