/**
 * Writes a source revision into a translation's frontmatter, changing only
 * the characters of `translation.source` (and `method` when asked): comments,
 * key order, line endings and the page body stay as the translator left them.
 */
import { isMap, parseDocument } from 'yaml';
import { normalizeText } from '../../src/content/mdx.ts';

/** Returns the new file text (null when unchanged), or why it cannot be stamped. */
export function stampTranslation(raw: string, hash: string, method: string | undefined): { text: string | null } | { error: string } {
  const text = normalizeText(raw);
  const crlf = raw.includes('\r\n');
  if (!text.startsWith('---\n')) return { error: 'it has no frontmatter; add title, description and order between --- lines first.' };
  const end = text.indexOf('\n---', 3);
  if (end === -1) return { error: 'its frontmatter is not closed by a --- line.' };
  const doc = parseDocument(text.slice(4, end + 1));
  if (doc.errors.length > 0) return { error: `its frontmatter is not valid YAML (${doc.errors[0]!.message.split('\n')[0]}); fix it first.` };
  if (!isMap(doc.contents)) return { error: 'its frontmatter is not a set of key: value lines.' };
  const yamlStart = 4;
  let yaml = text.slice(yamlStart, end + 1);
  const translation = doc.get('translation', true);
  if (translation === undefined) {
    // No record yet: append one at the end of the frontmatter.
    yaml += `translation:\n  source: ${hash}\n  method: ${method ?? 'human'}\n`;
  } else {
    if (!isMap(translation)) return { error: '`translation` must be a block with source and method.' };
    // Replace only the scalars' own characters, so nothing else in the file moves.
    const edits: { range: [number, number]; value: string }[] = [];
    const replaceOrAdd = (key: string, value: string) => {
      const node = translation.get(key, true) as { range?: [number, number, number]; value?: unknown } | undefined;
      if (node?.range) {
        if (node.value !== value) edits.push({ range: [node.range[0], node.range[1]], value });
      } else {
        const at = translation.range?.[1] ?? yaml.length;
        edits.push({ range: [at, at], value: `  ${key}: ${value}\n` });
      }
    };
    replaceOrAdd('source', hash);
    if (method !== undefined || !translation.has('method')) replaceOrAdd('method', method ?? 'human');
    for (const edit of edits.sort((a, b) => b.range[0] - a.range[0])) {
      yaml = yaml.slice(0, edit.range[0]) + edit.value + yaml.slice(edit.range[1]);
    }
  }
  const updated = `---\n${yaml}${text.slice(end + 1)}`;
  if (updated === text) return { text: null };
  return { text: crlf ? updated.replace(/\n/g, '\r\n') : updated };
}
