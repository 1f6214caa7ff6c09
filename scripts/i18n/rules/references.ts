/**
 * What a translation must carry over unchanged, in the same order:
 * `component-mismatch`: the same MDX components with the same non-text props;
 * `link-mismatch`: the same link targets, a link to `/en/…` becoming `/<locale>/…`;
 * `image-mismatch`: the same image sources, each with alt text.
 */
import type { Finding } from '../../../src/report/report.ts';
import { align } from '../../../src/translation/align.ts';
import { blockAlignment, pageFinding, type PageContext } from '../context.ts';
import type { ComponentRef } from '../../../src/content/outline.ts';
import type { TranslationRun } from '../context.ts';
import { linkFix, linkPasses } from '../proposals.ts';

const componentKey = (component: ComponentRef) => `${component.name} ${JSON.stringify(Object.entries(component.props).sort())}`;
const showComponent = (component: ComponentRef) =>
  `<${component.name}${Object.entries(component.props)
    .map(([name, value]) => ` ${name}="${value}"`)
    .join('')}>`;

export function componentRule(context: PageContext): Finding[] {
  const source = context.source.outline?.components;
  const translation = context.translation.outline?.components;
  if (!source || !translation) return [];
  const { missing, extra } = align(source, translation, componentKey);
  const findings: Finding[] = [];
  // A changed prop shows up as one missing and one extra component at the same position: report it once.
  const extraLeft = new Set(extra);
  for (const index of missing) {
    const expected = source[index]!;
    const sameName = [...extraLeft].find((candidate) => translation[candidate]!.name === expected.name);
    if (sameName !== undefined) {
      extraLeft.delete(sameName);
      const actual = translation[sameName]!;
      findings.push(
        pageFinding(
          context,
          'component-mismatch',
          'error',
          `${showComponent(actual)} differs from the source's ${showComponent(expected)}; only text may be translated.`,
          actual,
          expected,
          "Copy the component's props from the source unchanged.",
        ),
      );
    } else {
      findings.push(
        pageFinding(
          context,
          'component-mismatch',
          'error',
          `${showComponent(expected)} from the source is missing here.`,
          nearest(translation, expected.line, context),
          expected,
          'Add the component at the same place as in the source.',
        ),
      );
    }
  }
  for (const index of extraLeft) {
    const actual = translation[index]!;
    findings.push(
      pageFinding(
        context,
        'component-mismatch',
        'error',
        `${showComponent(actual)} is not in the source.`,
        actual,
        undefined,
        'Remove it, or ask for it to be added to the source page first.',
      ),
    );
  }
  return findings;
}

/** The source's link target as it must appear in this locale. */
export function localizeTarget(url: string, sourceLocale: string, locale: string): string {
  const prefix = `/${sourceLocale}/`;
  if (url === `/${sourceLocale}`) return `/${locale}`;
  return url.startsWith(prefix) ? `/${locale}/${url.slice(prefix.length)}` : url;
}

export function linkRule(context: PageContext, run?: TranslationRun): Finding[] {
  const source = context.source.outline?.links;
  const translation = context.translation.outline?.links;
  if (!source || !translation) return [];
  const expectedUrls = source.map((link) => localizeTarget(link.url, context.sourceLocale, context.locale.code));
  const { missing, extra } = align<{ url: string }>(
    expectedUrls.map((url) => ({ url })),
    translation,
    (link) => link.url,
  );
  const findings: Finding[] = [];
  const extraLeft = new Set(extra);
  for (const index of missing) {
    const expected = source[index]!;
    const wanted = expectedUrls[index]!;
    // Pair a missing target with an extra one nearby: that is one changed link, reported once.
    const changed = [...extraLeft].sort((a, b) => Math.abs(a - index) - Math.abs(b - index))[0];
    if (changed !== undefined) {
      extraLeft.delete(changed);
      const actual = translation[changed]!;
      const wrongLocale = localizeTarget(actual.url, context.sourceLocale, context.locale.code) === wanted && actual.url !== wanted;
      // The source's target, localized, is proposed only when the link check would accept it here.
      const passes = !run || linkPasses(run, context, wanted);
      const hint = passes
        ? `Link to ${wanted}.`
        : `Link where the source links; its target, ${wanted}, is broken here too: fix the source's link first (npm run check:links).`;
      const fix = passes && run ? linkFix(run, context.translation.file, actual, actual.url, wanted, hint) : undefined;
      findings.push({
        ...pageFinding(
          context,
          'link-mismatch',
          'error',
          wrongLocale
            ? `The link goes to "${actual.url}", the source language's page; link to "${wanted}" in this locale.`
            : `The link goes to "${actual.url}" where the source links to "${wanted}".`,
          actual,
          expected,
          hint,
        ),
        ...(fix ? { fix } : {}),
      });
    } else {
      findings.push(
        pageFinding(
          context,
          'link-mismatch',
          'error',
          `The source's link to "${wanted}" is missing here.`,
          nearest(translation, expected.line, context),
          expected,
          'Keep every link of the source, translating only its text.',
        ),
      );
    }
  }
  for (const index of extraLeft) {
    const actual = translation[index]!;
    findings.push(
      pageFinding(
        context,
        'link-mismatch',
        'error',
        `The link to "${actual.url}" is not in the source.`,
        actual,
        undefined,
        'Remove it, or ask for it to be added to the source page first.',
      ),
    );
  }
  return findings;
}

export function imageRule(context: PageContext): Finding[] {
  const source = context.source.outline?.images;
  const translation = context.translation.outline?.images;
  if (!source || !translation) return [];
  const findings: Finding[] = [];
  const { pairs, missing, extra } = align(source, translation, (image) => image.src);
  for (const index of missing)
    findings.push(
      pageFinding(
        context,
        'image-mismatch',
        'error',
        `The source's image "${source[index]!.src}" is missing here.`,
        nearest(translation, source[index]!.line, context),
        source[index],
        'Keep every image of the source; translate only its alt text.',
      ),
    );
  for (const index of extra)
    findings.push(
      pageFinding(
        context,
        'image-mismatch',
        'error',
        `The image "${translation[index]!.src}" is not in the source.`,
        translation[index],
        undefined,
        "Use the source's images.",
      ),
    );
  for (const [i, j] of pairs) {
    if (source[i]!.alt.trim() !== '' && translation[j]!.alt.trim() === '') {
      findings.push(
        pageFinding(
          context,
          'image-mismatch',
          'error',
          `The image "${translation[j]!.src}" has no alt text; the source's is "${source[i]!.alt}".`,
          translation[j],
          source[i],
          'Translate the alt text: it is what screen readers and search engines read.',
        ),
      );
    }
  }
  return findings;
}

/**
 * The place in the translation closest to where the source has the element, for findings about something
 * missing: the translated block standing for the source block that holds it (through merges and splits, see
 * alignBlocks), else the next one that has a counterpart.
 */
function nearest(items: readonly { line: number; column: number }[], sourceLine: number, context: PageContext) {
  const blocks = context.translation.outline?.blocks ?? [];
  const sourceBlocks = context.source.outline?.blocks ?? [];
  const alignment = blockAlignment(context);
  const counterpart = new Map<number, number>(alignment.pairs);
  for (const group of alignment.groups) for (const index of group.source) counterpart.set(index, group.translation[0]!);
  let holder = -1;
  sourceBlocks.forEach((block, index) => {
    if (block.line <= sourceLine) holder = index;
  });
  for (let index = Math.max(holder, 0); index < sourceBlocks.length; index++) {
    const j = counterpart.get(index);
    if (j !== undefined) return blocks[j];
  }
  return blocks.at(-1) ?? items[0];
}
