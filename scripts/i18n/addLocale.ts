/**
 * `npm run i18n:add` as a library: plans and applies what adding a locale
 * takes (a registry entry and a folder with the UI-string namespaces), so a
 * translator adds a language in one step.
 *
 * It never rewrites what a person wrote: the registry entry is inserted after
 * the last entry, at the offsets of jsonc-parser's syntax tree, and every
 * other byte (spacing, key order, BOM, line endings) stays as it was;
 * files that exist are never overwritten. Everything is checked before the
 * first write, so a refusal leaves the project exactly as it was.
 */
import { accessSync, constants, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import { parseJson } from '../../src/content/json.ts';
import type { Finding } from '../../src/report/finding.ts';
import { parseRegistry, REGISTRY_FILE, type LocaleRegistry } from '../../src/i18n/locales.ts';

export interface AddOptions {
  code: string;
  name?: string | undefined;
  dir?: 'ltr' | 'rtl' | undefined;
  hreflang?: string | undefined;
  /**
   * A pseudo-locale (`npm run i18n:pseudo`): a private-use tag such as `qps-ploc`, which Intl
   * does not name, so `name` and `dir` must be given; the entry records `"pseudo": true`.
   */
  pseudo?: boolean | undefined;
}

/** What the locale will be, with where each value came from (for the message). */
export interface LocaleEntry {
  code: string;
  name: string;
  dir: 'ltr' | 'rtl';
  status: 'partial';
  hreflang?: string;
  pseudo?: true;
}

export type AddResult =
  | { kind: 'added'; entry: LocaleEntry; created: string[]; registry: LocaleRegistry }
  | { kind: 'unchanged'; entry: LocaleEntry; registry: LocaleRegistry }
  /** `message` is about the arguments; `problems` are located in files. */
  | { kind: 'refused'; message?: string; problems: Finding[] };

/** The namespaces a locale folder starts with, copied from the source locale (see README, "Add a locale"). */
export const STARTER_NAMESPACES = ['ui.json', 'tables.json'] as const;

/**
 * A language tag, validated and canonicalized with Intl: `PT-br` becomes code `pt-br`
 * (folder and URL prefix, lowercase) and hreflang `pt-BR`. Unknown languages are refused:
 * a tag Intl cannot name is almost always a typo (`nd` for `nl`).
 */
export function resolveTag(input: string): { code: string; tag: string } | { error: string } {
  let tag: string;
  try {
    [tag] = Intl.getCanonicalLocales(input.trim()) as [string];
  } catch {
    return { error: `"${input}" is not a valid BCP 47 language tag; write one such as "fr", "nl" or "pt-BR".` };
  }
  if (!tag || /-u-|-x-|-t-/i.test(tag))
    return { error: `"${input}" carries extensions; use a plain language tag such as "fr" or "pt-BR".` };
  const language = new Intl.Locale(tag).language;
  const known = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(language);
  if (!known || language === 'und')
    return { error: `"${input}" is not a language Intl knows; check the code (ISO 639, such as "fr" or "nl").` };
  const code = tag.toLowerCase();
  if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(code))
    return { error: `"${input}" cannot be a folder and URL prefix; use a tag of letters and digits such as "fr" or "pt-BR".` };
  return { code, tag };
}

/** A pseudo-locale's tag: private use (`qps-…`, reserved by ISO 639 for local use), lowercase, never looked up in Intl. */
export function resolvePseudoTag(input: string): { code: string; tag: string } | { error: string } {
  const code = input.trim().toLowerCase();
  if (!/^qps(-[a-z0-9]{2,8})+$/.test(code))
    return { error: `"${input}" is not a pseudo-locale tag; use a private-use tag such as "qps-ploc".` };
  return { code, tag: code };
}

/** The language's own name ("Nederlands", "Français"), capitalized as it starts a picker entry. */
export function ownName(tag: string): string {
  const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
}

/** Writing direction from CLDR through Intl (`getTextInfo()`, or the older `textInfo` getter). */
export function directionOf(tag: string): 'ltr' | 'rtl' {
  const locale = new Intl.Locale(tag) as Intl.Locale & { getTextInfo?: () => { direction?: string }; textInfo?: { direction?: string } };
  const info = typeof locale.getTextInfo === 'function' ? locale.getTextInfo() : locale.textInfo;
  return info?.direction === 'rtl' ? 'rtl' : 'ltr';
}

export function addLocale(root: string, options: AddOptions): AddResult {
  const refuse = (message: string, hint?: string, where: Partial<Finding> = {}): AddResult => ({
    kind: 'refused',
    problems: [{ rule: 'config', severity: 'error', file: REGISTRY_FILE, ...where, message, ...(hint ? { hint } : {}) }],
  });
  const resolved = options.pseudo ? resolvePseudoTag(options.code) : resolveTag(options.code);
  if ('error' in resolved) return { kind: 'refused', message: resolved.error, problems: [] };
  const { code, tag } = resolved;
  let hreflang = tag !== code ? tag : undefined;
  if (options.hreflang !== undefined) {
    try {
      hreflang = Intl.getCanonicalLocales(options.hreflang)[0];
    } catch {
      return {
        kind: 'refused',
        message: `--hreflang "${options.hreflang}" is not a valid BCP 47 tag; use one such as "fr-CA" or "pt-BR".`,
        problems: [],
      };
    }
  }
  const entry: LocaleEntry = {
    code,
    name: options.name?.trim() || ownName(tag),
    dir: options.dir ?? directionOf(tag),
    status: 'partial',
    ...(hreflang ? { hreflang } : {}),
    ...(options.pseudo ? { pseudo: true as const } : {}),
  };

  // The registry: syntax first (with its line), then the schema, before anything is decided.
  const registryPath = join(root, REGISTRY_FILE);
  let raw: string;
  try {
    raw = readFileSync(registryPath, 'utf8');
  } catch (error) {
    return refuse(
      `Cannot read the locale registry (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
      'Run the command from the project folder.',
    );
  }
  const json = parseJson(REGISTRY_FILE, raw);
  if (!json.ok)
    return {
      kind: 'refused',
      problems: json.problems.map((problem) => ({ ...problem, hint: 'Fix the registry first; i18n:add did not change anything.' })),
    };
  const registry = parseRegistry(json.doc.value, json.doc.nearestPositionOf);
  if (Array.isArray(registry)) return { kind: 'refused', problems: registry };

  const folder = join(root, 'content', code);
  const sourceFolder = join(root, 'content', registry.source.code);
  const missingFiles = STARTER_NAMESPACES.filter((name) => !existsSync(join(folder, name)));
  const existing = registry.get(code);
  if (existing) {
    if (code === registry.source.code)
      return refuse(
        `"${code}" is the source locale; every other locale is translated from it.`,
        undefined,
        json.doc.positionOf(['source']) ?? {},
      );
    const place =
      json.doc.positionOf([
        'locales',
        (json.doc.value as { locales: unknown[] }).locales.findIndex((l) => (l as { code?: string }).code === code),
      ]) ?? {};
    // Running the command again is fine; a locale set up otherwise (complete, another name…) is not this command's to touch.
    const differences = [
      existing.status !== entry.status ? `status "${existing.status}" (not "${entry.status}")` : '',
      existing.name !== entry.name ? `name "${existing.name}" (not "${entry.name}")` : '',
      existing.dir !== entry.dir ? `dir "${existing.dir}" (not "${entry.dir}")` : '',
      existing.hreflang !== (entry.hreflang ?? code) ? `hreflang "${existing.hreflang}" (not "${entry.hreflang ?? code}")` : '',
      Boolean(existing.pseudo) !== Boolean(entry.pseudo)
        ? existing.pseudo
          ? 'pseudo: true (a pseudo-locale)'
          : 'no pseudo flag (a real locale)'
        : '',
    ].filter(Boolean);
    if (differences.length > 0 || missingFiles.length > 0) {
      return refuse(
        `"${code}" is already a locale (${existing.name}, ${existing.status})${differences.length ? `, with ${differences.join(', ')}` : ''}${missingFiles.length ? `, and content/${code}/ lacks ${missingFiles.join(', ')}` : ''}.`,
        differences.length
          ? `Nothing to add; edit its entry in ${REGISTRY_FILE} by hand to change it.`
          : `Copy the missing files from content/${registry.source.code}/ and translate their values.`,
        place,
      );
    }
    return {
      kind: 'unchanged',
      entry: {
        ...entry,
        name: existing.name,
        dir: existing.dir,
        ...(existing.hreflang !== existing.code ? { hreflang: existing.hreflang } : {}),
      },
      registry,
    };
  }

  // Every write is checked before the first one: a refusal must leave nothing behind.
  const writable = (path: string) => {
    try {
      accessSync(path, constants.W_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (!writable(registryPath))
    return refuse(`${REGISTRY_FILE} is not writable.`, "Check the file's permissions (or the checkout), then run the command again.");
  const contentDir = join(root, 'content');
  if (!writable(existsSync(folder) ? folder : contentDir))
    return {
      kind: 'refused',
      problems: [
        {
          rule: 'config',
          severity: 'error',
          file: existsSync(folder) ? `content/${code}/` : 'content/',
          message: 'The folder is not writable, so the locale folder cannot be created.',
          hint: "Check the folder's permissions, then run the command again.",
        },
      ],
    };
  const starters: { name: string; text: string }[] = [];
  for (const name of missingFiles) {
    try {
      starters.push({ name, text: readFileSync(join(sourceFolder, name), 'utf8') });
    } catch {
      return {
        kind: 'refused',
        problems: [
          {
            rule: 'config',
            severity: 'error',
            file: `content/${registry.source.code}/${name}`,
            message: "The source locale's file cannot be read, so there is nothing to start the translation from.",
          },
        ],
      };
    }
  }

  const bom = raw.startsWith('\uFEFF') ? '\uFEFF' : '';
  const appended = appendEntry(raw.slice(bom.length), json.doc.tree!, entry);
  const updated = appended === undefined ? undefined : bom + appended;
  if (updated === undefined) return refuse('"locales" is not a list of entries.');
  const created: string[] = [];
  const folderExisted = existsSync(folder);
  try {
    mkdirSync(folder, { recursive: true });
    for (const starter of starters) {
      writeFileSync(join(folder, starter.name), starter.text, { flag: 'wx' });
      created.push(`content/${code}/${starter.name}`);
    }
    writeFileSync(registryPath, updated);
  } catch (error) {
    // Undo what this run created, so a failure leaves the project as it was.
    for (const file of created) rmSync(join(root, file), { force: true });
    if (!folderExisted) rmSync(folder, { recursive: true, force: true });
    return {
      kind: 'refused',
      problems: [
        {
          rule: 'config',
          severity: 'error',
          file: `content/${code}/`,
          message: `Could not write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); nothing was changed.`,
        },
      ],
    };
  }
  const reread = parseRegistry(JSON.parse(updated.replace(/^\uFEFF/, '')) as unknown);
  return { kind: 'added', entry, created, registry: Array.isArray(reread) ? registry : reread };
}

/**
 * The registry text with `entry` appended to `locales`: only characters after
 * the last entry are added, in that entry's style (one line when it is one
 * line, else indented like it), so nothing a person wrote moves.
 * jsonc-parser's own `modify` re-formats the neighbouring entry, so the insertion
 * is made at the offsets of its syntax tree instead.
 */
export function appendEntry(text: string, tree: Node, entry: LocaleEntry): string | undefined {
  const locales = findNodeAtLocation(tree, ['locales']);
  const last = locales?.children?.at(-1);
  if (!locales || locales.type !== 'array' || !last) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lineStart = text.lastIndexOf('\n', last.offset) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const lastText = text.slice(last.offset, last.offset + last.length);
  let serialized: string;
  if (!lastText.includes('\n')) {
    serialized = `{ ${Object.entries(entry)
      .map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`)
      .join(', ')} }`;
  } else {
    const inner = /\n([ \t]+)"/.exec(lastText)?.[1] ?? `${indent}  `;
    serialized = `{${eol}${Object.entries(entry)
      .map(([key, value]) => `${inner}${JSON.stringify(key)}: ${JSON.stringify(value)}`)
      .join(`,${eol}`)}${eol}${indent}}`;
  }
  const at = last.offset + last.length;
  return `${text.slice(0, at)},${eol}${indent}${serialized}${text.slice(at)}`;
}

/**
 * The registry text without the entry of `code` (and the comma that joined it
 * to its neighbour), cut at the offsets of jsonc-parser's syntax tree so every
 * other byte stays; undefined when there is no such entry.
 */
export function removeEntry(raw: string, code: string): string | undefined {
  const bom = raw.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = raw.slice(bom.length);
  const json = parseJson(REGISTRY_FILE, text);
  if (!json.ok) return undefined;
  const entries = findNodeAtLocation(json.doc.tree!, ['locales'])?.children ?? [];
  const index = entries.findIndex((entry) => findNodeAtLocation(entry, ['code'])?.value === code);
  if (index === -1) return undefined;
  const entry = entries[index]!;
  // Cut from the end of the previous entry (its comma and line break go), or up to the next one for the first.
  const from = index > 0 ? entries[index - 1]!.offset + entries[index - 1]!.length : entry.offset;
  const to = index > 0 ? entry.offset + entry.length : (entries[index + 1]?.offset ?? entry.offset + entry.length);
  return bom + text.slice(0, from) + text.slice(to);
}
