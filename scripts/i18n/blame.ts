/**
 * Applies the content model's rule for whose fault a mismatch is
 * (src/model/status.ts, `blame`) to a page rule's findings: an error the rule
 * no longer reports once the sections the source moved in are set aside
 * (src/translation/moved.ts) is the source's move, so it becomes an
 * `outdated`-style warning naming the section and the change; every other
 * finding stands. The build passes when English moved on; a translator's own
 * mistake still fails it.
 */
import type { Finding } from '../../src/report/report.ts';
import { blame, sourceMoved } from '../../src/model/status.ts';
import { describeChange } from '../../src/translation/sections.ts';
import { sectionOfLine, withoutSections } from '../../src/translation/moved.ts';
import type { PageContext } from './context.ts';

const keyOf = (finding: Finding) => `${finding.rule}\u0000${finding.line ?? 0}\u0000${finding.column ?? 0}`;

export function judgeMismatches(context: PageContext, findings: Finding[], recheck: (context: PageContext) => Finding[]): Finding[] {
  if (!findings.some((finding) => finding.severity === 'error')) return findings;
  const moved = new Set(sourceMoved(context.page).keys());
  if (moved.size === 0 || !context.source.outline || !context.translation.outline) return findings;
  const masked: PageContext = {
    ...context,
    source: { ...context.source, outline: withoutSections(context.source.outline, moved) },
    translation: { ...context.translation, outline: withoutSections(context.translation.outline, moved) },
  };
  const own = new Set(recheck(masked).map(keyOf));
  return findings.map((finding) => {
    if (finding.severity !== 'error' || own.has(keyOf(finding))) return finding;
    const sections = [
      ...(finding.line !== undefined ? [sectionOfLine(context.translation.outline!.blocks, finding.line)] : []),
      ...(finding.source?.line !== undefined ? [sectionOfLine(context.source.outline!.blocks, finding.source.line)] : []),
    ];
    const verdict = blame(context.page, sections);
    // Set aside with the moved sections but placed outside them (a count over the whole page): name every change.
    const changes = verdict.fault === 'source' ? verdict.changes : [...sourceMoved(context.page).values()];
    return {
      ...finding,
      severity: 'warning',
      message: `Outdated, not wrong: the source changed here since this translation was stamped (${changes.map(describeChange).join(', ')}). ${finding.message}`,
      hint: `Update the section as the source now has it${finding.hint ? ` (${finding.hint.replace(/\.$/, '')})` : ''}, then run \`npm run i18n:stamp -- ${context.translation.file}\`.`,
      outdated: changes.map((change) => change.id),
    };
  });
}
