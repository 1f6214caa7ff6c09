/**
 * The review view of one translation: source and translation side by side,
 * block by block, lined up by the checker's own alignment (alignBlocks), with
 * each block's findings beside it: a block only one side has, blocks merged
 * or split, a list or table of another shape, changed code (mismatch); text left in the source
 * language (untranslated); a source section changed since the translation
 * was made (changed). Pure: the dashboard's review pages render it, tests
 * call it directly.
 */
import type { Block, Outline } from '../content/outline.ts';
import { alignBlocks } from './align.ts';
import { blame } from '../model/status.ts';
import type { Glossary } from './glossary.ts';
import type { ChangeKind, SectionChange } from './sections.ts';
import { ignoredWords, isIdenticalBlock, sourceLanguageParts } from './untranslated.ts';

export type FindingKind = 'mismatch' | 'untranslated' | 'changed';

export interface ReviewFinding {
  kind: FindingKind;
  message: string;
}

export interface ReviewSide {
  /** 1-based line of the block in its file. */
  line: number;
  /** The block's MDX as written. */
  text: string;
  depth: number;
  kind: Block['kind'];
}

export interface ReviewRow {
  source: ReviewSide | undefined;
  translation: ReviewSide | undefined;
  /** The source section the block belongs to (heading id, or `_intro`). */
  section: string;
  findings: ReviewFinding[];
}

export interface ReviewInput {
  source: { text: string; outline: Outline };
  translation: { text: string; outline: Outline };
  /** Changed source sections since the translation (the content model's); undefined when unknown. */
  changes: readonly SectionChange[] | undefined;
  glossary: Glossary;
  locale: string;
  languages: { source: string; target: string };
}

export function reviewRows(input: ReviewInput): ReviewRow[] {
  const source = input.source.outline.blocks;
  const translation = input.translation.outline.blocks;
  const { missing, extra, groups } = alignBlocks(source, translation);
  const missingSet = new Set(missing);
  const extraSet = new Set(extra);
  const groupAt = new Map(groups.map((group) => [group.source[0]!, group]));
  const changed = new Map<string, ChangeKind[]>((input.changes ?? []).map((change) => [change.id, change.kinds]));
  const ignore = ignoredWords(input.glossary, input.locale);
  const sourceLines = lines(input.source.text);
  const translationLines = lines(input.translation.text);
  const rows: ReviewRow[] = [];
  let i = 0;
  let j = 0;
  while (i < source.length || j < translation.length) {
    if (i < source.length && (missingSet.has(i) || j >= translation.length)) {
      const block = source[i]!;
      rows.push({
        source: side(block, source[i + 1], sourceLines),
        translation: undefined,
        section: block.section,
        findings: [{ kind: 'mismatch', message: `This ${describe(block)} has no counterpart in the translation.` }],
      });
      i++;
    } else if (j < translation.length && (extraSet.has(j) || i >= source.length)) {
      const block = translation[j]!;
      rows.push({
        source: undefined,
        translation: side(block, translation[j + 1], translationLines),
        section: block.section,
        findings: [{ kind: 'mismatch', message: `This ${describe(block)} is not in the source.` }],
      });
      j++;
    } else if (groupAt.has(i)) {
      // A merge or split: the blocks side by side, row by row, the shorter side left empty below its block.
      const group = groupAt.get(i)!;
      const merged = group.source.length > 1;
      const message = merged
        ? `These ${group.source.length} source blocks are written as one ${describe(translation[group.translation[0]!]!)} in the translation.`
        : `This source ${describe(source[i]!)} is written as ${group.translation.length} blocks in the translation.`;
      for (let row = 0; row < Math.max(group.source.length, group.translation.length); row++) {
        const a = group.source[row];
        const b = group.translation[row];
        rows.push({
          source: a === undefined ? undefined : side(source[a]!, source[a + 1], sourceLines),
          translation: b === undefined ? undefined : side(translation[b]!, translation[b + 1], translationLines),
          section: source[a ?? i]!.section,
          findings: row === 0 ? [{ kind: 'mismatch', message }] : [],
        });
      }
      i += group.source.length;
      j += group.translation.length;
    } else {
      const a = source[i]!;
      const b = translation[j]!;
      rows.push({
        source: side(a, source[i + 1], sourceLines),
        translation: side(b, translation[j + 1], translationLines),
        section: a.section,
        findings: pairFindings(a, b, input, ignore),
      });
      i++;
      j++;
    }
  }
  // A difference inside a section the source moved in since the stamp is the source's move, not the
  // translator's: the content model's one rule (blame) says so, as check:i18n does.
  const page = { status: 'outdated' as const, changes: input.changes };
  for (const row of rows) {
    if (blame(page, [row.section]).fault !== 'source') continue;
    row.findings = row.findings.map((finding) =>
      finding.kind === 'mismatch'
        ? { kind: 'changed', message: `Outdated, not wrong (the source changed this section since the translation): ${finding.message}` }
        : finding,
    );
  }
  // A changed section marks each of its source blocks; the heading row also says how it changed.
  for (const row of rows) {
    const kinds = changed.get(row.section);
    if (!kinds || !row.source) continue;
    row.findings.push({
      kind: 'changed',
      message:
        row.source.kind === 'heading'
          ? `This section changed in the source since the translation (${kinds.join(', ')}).`
          : 'In a section changed in the source since the translation.',
    });
  }
  return rows;
}

function pairFindings(source: Block, translation: Block, input: ReviewInput, ignore: readonly string[]): ReviewFinding[] {
  const findings: ReviewFinding[] = [];
  if ((source.kind === 'list' || source.kind === 'table') && source.shape !== translation.shape) {
    findings.push({
      kind: 'mismatch',
      message:
        source.kind === 'list'
          ? `${translation.shape} items here, ${source.shape} in the source.`
          : `${translation.shape} here, ${source.shape} in the source (rows x columns).`,
    });
  }
  if (source.code && translation.code && (source.code.lang !== translation.code.lang || source.code.value !== translation.code.value)) {
    findings.push({ kind: 'mismatch', message: 'The code differs from the source; code is never translated.' });
  }
  if (isIdenticalBlock(source, translation, input.glossary, input.locale)) {
    findings.push({ kind: 'untranslated', message: 'Identical to the source.' });
  } else {
    const left = sourceLanguageParts(translation, input.languages, ignore);
    if (left)
      findings.push({
        kind: 'untranslated',
        message: `Still in the source language: ${left.parts.map((part) => `“${part}”`).join(', ')}.`,
      });
  }
  return findings;
}

/** A block's own lines: to its end, but a component that wraps other blocks shows only up to its first child. */
function side(block: Block, next: Block | undefined, text: readonly string[]): ReviewSide {
  const end = next && next.depth > block.depth ? next.line - 1 : block.endLine;
  return {
    line: block.line,
    text: text
      .slice(block.line - 1, Math.max(end, block.line))
      .join('\n')
      .trimEnd(),
    depth: block.depth,
    kind: block.kind,
  };
}

function describe(block: Block): string {
  if (block.kind === 'component') return `<${block.signature.split(':')[1]}>`;
  if (block.kind === 'code') return 'code block';
  return block.kind;
}

const lines = (text: string) => text.replace(/^\uFEFF/, '').split(/\r?\n/);
