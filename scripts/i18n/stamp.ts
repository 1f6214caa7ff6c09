/**
 * Writes a source revision into a translation's frontmatter: the page hash
 * (`translation.source`), a fingerprint per source section
 * (`translation.sections`, see src/translation/sections.ts), and, when asked,
 * `method` and `reviewed`.
 *
 * Only those values' characters change: comments, key order, the page body,
 * a byte order mark and CRLF line endings stay byte for byte. The frontmatter
 * is found by Sätteri (the site's parser) and its keys by the yaml library's Document
 * API (node ranges), never by searching the text.
 */
import type { Root, Yaml } from 'mdast';
import { markdownToMdast } from 'satteri';
import { isMap, isScalar, isSeq, parse as parseYaml, parseDocument, type Pair, type YAMLMap } from 'yaml';
import { loadFrontmatterYaml } from '../../src/content/frontmatter.ts';
import { normalizeText } from '../../src/content/mdx.ts';

export interface StampValues {
  /** `sha256:…` of the source page. */
  source: string;
  /** Section fingerprints of the source page; omitted in old callers. */
  sections?: Record<string, string>;
  /** Set `translation.method`; a new record defaults to `human`. */
  method?: 'human' | 'machine' | undefined;
  /** Set `translation.reviewed`; `method: machine` without it records `reviewed: false`. `true` also clears `machineSections`: a person reviewed it all. */
  reviewed?: boolean | undefined;
  /** Sections machine-translated in an otherwise human translation, added to `translation.machineSections`. */
  machineSections?: readonly string[] | undefined;
}

interface Edit {
  /** Offsets in the normalized text (no BOM, LF line endings). */
  from: number;
  to: number;
  text: string;
}

/** Returns the new file text (null when unchanged), or why it cannot be stamped. */
export function stampTranslation(raw: string, values: StampValues): { text: string | null } | { error: string } {
  const text = normalizeText(raw);
  // Plain Markdown: it finds the frontmatter of any page, even one whose MDX does not parse.
  const yamlNode = (markdownToMdast(text, { position: true }) as Root).children.find((node): node is Yaml => node.type === 'yaml');
  if (!yamlNode?.position || yamlNode.position.start.offset !== 0)
    return { error: 'it has no frontmatter; add title, description and order between --- lines first.' };
  // The YAML starts on the line after the opening fence.
  const yamlStart = text.indexOf('\n', yamlNode.position.start.offset) + 1;
  const yamlEnd = yamlStart + yamlNode.value.length;
  const yaml = text.slice(yamlStart, yamlEnd) + '\n';
  if (alreadyStamped(yaml, values)) return { text: null };
  const doc = parseDocument(yaml);
  if (doc.errors.length > 0)
    return { error: `its frontmatter is not valid YAML (${doc.errors[0]!.message.split('\n')[0]}); fix it first.` };
  if (!isMap(doc.contents)) return { error: 'its frontmatter is not a set of key: value lines.' };

  const method = values.method;
  const reviewed = values.reviewed ?? (method === 'machine' ? false : undefined);
  const edits: Edit[] = [];
  const at = (offset: number) => yamlStart + Math.min(offset, yaml.length - 1);
  const translation = doc.get('translation', true);
  if (translation === undefined) {
    // No record yet: append one at the end of the frontmatter.
    const lines = [`translation:`, `  source: ${values.source}`, `  method: ${method ?? 'human'}`];
    if (reviewed !== undefined) lines.push(`  reviewed: ${reviewed}`);
    if (values.machineSections?.length) lines.push(`  machineSections: [${values.machineSections.map(yamlString).join(', ')}]`);
    if (values.sections) lines.push(...sectionLines(values.sections, '  '));
    edits.push({ from: yamlEnd, to: yamlEnd, text: `\n${lines.join('\n')}` });
  } else {
    if (!isMap(translation)) return { error: '`translation` must be a block with source and method.' };
    const map = translation as YAMLMap;
    const first = map.items[0] as Pair | undefined;
    const keyStart = (first?.key as { range?: [number, number, number] } | undefined)?.range?.[0] ?? map.range?.[0] ?? 0;
    const indent = ' '.repeat(keyStart - (yaml.lastIndexOf('\n', keyStart - 1) + 1));
    const additions: string[] = [];
    const setScalar = (key: string, value: string) => {
      const node = map.get(key, true);
      if (isScalar(node) && node.range) {
        if (String(node.value) !== value) edits.push({ from: at(node.range[0]), to: at(node.range[1]), text: value });
      } else if (node === undefined) additions.push(`${indent}${key}: ${value}`);
      else return `\`translation.${key}\` must be a single value.`;
      return undefined;
    };
    const problems = [
      setScalar('source', values.source),
      method !== undefined || !map.has('method') ? setScalar('method', method ?? 'human') : undefined,
      reviewed !== undefined ? setScalar('reviewed', String(reviewed)) : undefined,
    ].filter(Boolean);
    if (problems.length > 0) return { error: problems[0]! };
    if (values.sections) {
      const pair = map.items.find((item) => isScalar(item.key) && item.key.value === 'sections') as Pair | undefined;
      const wanted = sectionLines(values.sections, indent).join('\n');
      if (pair) {
        const keyRange = (pair.key as { range: [number, number, number] }).range;
        const valueEnd = (pair.value as { range?: [number, number, number] } | null)?.range?.[2] ?? keyRange[2];
        const current = yaml.slice(keyRange[0], valueEnd).replace(/\n$/, '');
        // The same source fingerprints with the translation's own hashes (after `@`) are kept as written: stamping a
        // current page again changes nothing. A record without own hashes (from before they existed) gets them.
        const recorded = isMap(pair.value)
          ? Object.fromEntries(
              pair.value.items.map((item) => [
                String(isScalar(item.key) ? item.key.value : item.key),
                String(isScalar(item.value) ? item.value.value : item.value),
              ]),
            )
          : undefined;
        const same =
          recorded !== undefined &&
          sameSourcePrints(recorded, values.sections) &&
          Object.entries(values.sections).every(([id, value]) => !value.includes('@') || recorded[id]!.includes('@'));
        if (!same && current !== wanted.slice(indent.length))
          edits.push({
            from: at(keyRange[0]),
            to: yamlStart + valueEnd - (yaml[valueEnd - 1] === '\n' ? 1 : 0),
            text: wanted.slice(indent.length),
          });
      } else additions.push(wanted);
    }
    // machineSections: a flow list on one line, the union of what is recorded and what is added; a review clears it.
    const listPair = map.items.find((item) => isScalar(item.key) && item.key.value === 'machineSections') as Pair | undefined;
    const recorded =
      listPair && isSeq(listPair.value) ? listPair.value.items.map((item) => String(isScalar(item) ? item.value : item)) : [];
    const wantedList = values.reviewed === true ? [] : [...new Set([...recorded, ...(values.machineSections ?? [])])];
    if (listPair) {
      const keyRange = (listPair.key as { range: [number, number, number] }).range;
      const valueEnd = (listPair.value as { range?: [number, number, number] } | null)?.range?.[2] ?? keyRange[2];
      const end = yamlStart + valueEnd - (yaml[valueEnd - 1] === '\n' ? 1 : 0);
      if (wantedList.length === 0) {
        // Remove the whole line: from the line break before it to its end, so an addition at its end stays separate.
        const lineBreak = yaml.lastIndexOf('\n', keyRange[0] - 1);
        edits.push({ from: yamlStart + lineBreak, to: end, text: '' });
      } else if (wantedList.join(',') !== recorded.join(',') || !isSeq(listPair.value) || !listPair.value.flow) {
        edits.push({ from: at(keyRange[0]), to: end, text: `machineSections: [${wantedList.map(yamlString).join(', ')}]` });
      }
    } else if (wantedList.length > 0) additions.push(`${indent}machineSections: [${wantedList.map(yamlString).join(', ')}]`);
    if (additions.length > 0) {
      // After the record's last line, so the new keys join the block they belong to.
      const end = map.range?.[2] ?? yaml.length;
      const insertAt = yaml[end - 1] === '\n' ? end - 1 : end;
      edits.push({ from: yamlStart + insertAt, to: yamlStart + insertAt, text: `\n${additions.join('\n')}` });
    }
  }
  if (edits.length === 0) return { text: null };
  return { text: applyToRaw(raw, edits) };
}

/**
 * Whether the record already says what stamping would write, read with Astro's YAML parser: then the
 * page is left as it is without building the document with node ranges (several times slower), which
 * re-stamping or re-importing a current translation, the common case, would otherwise do per page.
 * Anything this does not vouch for (a list of machine sections, a value that is not a plain scalar)
 * goes the long way, which decides the same or says what is wrong.
 */
function alreadyStamped(yaml: string, values: StampValues): boolean {
  let read: unknown;
  try {
    read = loadFrontmatterYaml(yaml);
  } catch {
    return false;
  }
  const record = (read as { translation?: unknown } | null)?.translation;
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return false;
  const field = (key: string) => {
    const value = (record as Record<string, unknown>)[key];
    return typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number' ? String(value) : undefined;
  };
  const reviewed = values.reviewed ?? (values.method === 'machine' ? false : undefined);
  if (field('source') !== values.source) return false;
  if (values.method === undefined ? field('method') === undefined : field('method') !== values.method) return false;
  if (reviewed !== undefined && field('reviewed') !== String(reviewed)) return false;
  if ('machineSections' in record || (values.machineSections?.length ?? 0) > 0) return false;
  if (!values.sections) return true;
  const sections = (record as { sections?: unknown }).sections;
  if (sections === null || typeof sections !== 'object' || Array.isArray(sections)) return false;
  const recorded = sections as Record<string, unknown>;
  if (!Object.values(recorded).every((value) => typeof value === 'string')) return false;
  return (
    sameSourcePrints(recorded as Record<string, string>, values.sections) &&
    Object.entries(values.sections).every(([id, value]) => !value.includes('@') || (recorded[id] as string).includes('@'))
  );
}

/** Whether two section records hold the same source fingerprints (each value up to its `@`). */
function sameSourcePrints(a: Record<string, string>, b: Record<string, string>): boolean {
  const strip = (record: Record<string, string>) =>
    JSON.stringify(
      Object.entries(record)
        .map(([id, value]) => [id, value.split('@')[0]])
        .sort(),
    );
  return strip(a) === strip(b);
}

/** `sections:` and one `id: fingerprint` line per section, quoted only where YAML needs it. */
function sectionLines(sections: Record<string, string>, indent: string): string[] {
  const entries = Object.entries(sections);
  if (entries.length === 0) return [`${indent}sections: {}`];
  return [`${indent}sections:`, ...entries.map(([id, value]) => `${indent}  ${yamlString(id)}: ${value}`)];
}

/**
 * A section id as YAML reads it back unchanged: plain where it is a plain string (`step-1--prepare`,
 * `übersicht`, `日本語`), double-quoted where YAML would read something else (`true`, `1e3`, `-1`, `null`).
 */
export function yamlString(id: string): string {
  let value: unknown;
  try {
    value = parseYaml(id);
  } catch {
    value = undefined;
  }
  return value === id && /^[\p{L}\p{N}_][\p{L}\p{N}\p{M}_-]*$/u.test(id) ? id : JSON.stringify(id);
}

/**
 * Applies edits made on the normalized text to the raw file, so a BOM and
 * CRLF (even mixed line endings) outside the edited characters stay as they
 * were; new lines use the file's own line ending.
 */
function applyToRaw(raw: string, edits: Edit[]): string {
  const bom = raw.charCodeAt(0) === 0xfeff ? 1 : 0;
  const eol = raw.includes('\r\n') ? '\r\n' : '\n';
  // rawOffset[i]: where the normalized text's character i sits in the raw text.
  const rawOffset: number[] = [];
  // A `\r\n` is one normalized `\n`, which sits at the `\r`.
  const crlfAt = (index: number) => raw[index] === '\r' && raw[index + 1] === '\n';
  for (let index = bom; index < raw.length; index++) {
    rawOffset.push(index);
    if (crlfAt(index)) index++;
  }
  rawOffset.push(raw.length);
  let result = raw;
  for (const edit of [...edits].sort((a, b) => b.from - a.from)) {
    const from = rawOffset[edit.from]!;
    const last = rawOffset[edit.to - 1]!;
    const to = edit.to === edit.from ? from : last + (crlfAt(last) ? 2 : 1);
    result = result.slice(0, from) + edit.text.replace(/\n/g, eol) + result.slice(to);
  }
  return result;
}
