/**
 * `npm run i18n:stamp -- <file>…`: records in each translation that it is up
 * to date with the current source page, by writing the source's hash to
 * `translation.source` in its frontmatter. Only that value changes; comments,
 * key order and the page body are kept byte for byte.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { sourceHash } from '../src/content/sourceHash.ts';
import { loadRegistry } from '../src/i18n/locales.ts';
import { stampTranslation } from './i18n/stamp.ts';
import { EXIT, paint, parseCli, runCommand, UsageError } from './lib/cli.ts';

const USAGE = `Usage: npm run i18n:stamp -- [--method human|machine] <content/<locale>/page.mdx>…

Marks each translation as made from the current source page.
  --method  also set translation.method (default: keep it, or "human" for a new record)`;

await runCommand(USAGE, () => {
  const { values, positionals } = parseCli(process.argv.slice(2), { method: { type: 'string' } });
  if (positionals.length === 0) throw new UsageError('name at least one translated page.');
  if (values.method !== undefined && values.method !== 'human' && values.method !== 'machine') throw new UsageError('--method must be "human" or "machine".');
  const root = process.cwd();
  const registry = loadRegistry(root);
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
    const sourceFile = ['content', registry.source.code, ...rest].join('/');
    if (!existsSync(sourceFile)) { fail(`it has no source page (${sourceFile} does not exist).`); continue; }
    const hash = sourceHash(readFileSync(sourceFile, 'utf8'));
    const result = stampTranslation(readFileSync(file, 'utf8'), hash, values.method);
    if ('error' in result) { fail(result.error); continue; }
    if (result.text !== null) writeFileSync(file, result.text);
    process.stdout.write(`${file}  ${result.text === null ? 'already up to date' : paint('green', 'stamped')} ${hash}\n`);
  }
  return failures > 0 ? EXIT.problems : EXIT.ok;
});
