/**
 * SARIF 2.1.0, the format GitHub code scanning (and other CI tools) read:
 * one run per command, one `reportingDescriptor` per registry rule (id,
 * description, default level, help with an example), and one result per
 * finding at its repository-relative file, line and column, with the matching
 * place in the source locale as a related location, and a proposed fix as
 * SARIF's `fixes` (replacements by region). Paths are relative to
 * `SRCROOT`, the checked project's root, so results land on the diff.
 */
import { pathToFileURL } from 'node:url';
import type { Fix as SarifFix, Location as SarifLocation, Log, ReportingDescriptor, Result } from 'sarif';
import type { Finding, Fix, Location, Replacement } from '../finding.ts';
import type { Report } from '../report.ts';
import type { RuleInfo } from '../rules.ts';
import type { FormatOptions } from './types.ts';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const ROOT_ID = 'SRCROOT';

/** Fields every formatter shows anyway; the rest of a finding goes into `properties`. */
const CORE_FIELDS = new Set(['rule', 'severity', 'message', 'hint', 'file', 'line', 'column', 'source', 'details', 'fix']);

export function formatSarif(report: Report, options: FormatOptions = {}): string {
  return `${JSON.stringify(toSarif(report, options), null, 2)}\n`;
}

export function toSarif(report: Report, options: FormatOptions = {}): Log {
  const rules: RuleInfo[] = [...(options.tool?.rules ?? [])];
  const index = new Map(rules.map((rule, position) => [rule.id, position]));
  // A finding from outside the registry (there should be none) still gets a descriptor, so ruleIndex stays valid.
  for (const finding of report.findings) {
    if (!index.has(finding.rule)) {
      index.set(finding.rule, rules.length);
      rules.push({ id: finding.rule, severity: finding.severity, description: finding.rule, example: '' });
    }
  }
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: options.tool ? `publisher-docs ${options.tool.name}` : 'publisher-docs', rules: rules.map(descriptor) } },
        ...(options.root ? { originalUriBaseIds: { [ROOT_ID]: { uri: directoryUri(options.root) } } } : {}),
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((finding) => result(finding, index.get(finding.rule)!)),
        ...(report.summary && typeof report.summary === 'object'
          ? { properties: { summary: report.summary as Record<string, unknown> } }
          : {}),
      },
    ],
  };
}

function descriptor(rule: RuleInfo): ReportingDescriptor {
  const severity = rule.severityNote ? `${rule.severity} (${rule.severityNote})` : rule.severity;
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    defaultConfiguration: { level: rule.severity },
    help: {
      text: `${rule.description}${rule.example ? `\nExample: ${rule.example}` : ''}\nSeverity: ${severity}.`,
      markdown: `${rule.description}${rule.example ? `\n\n**Example:** ${rule.example}` : ''}\n\n**Severity:** ${severity}.`,
    },
  };
}

function result(finding: Finding, ruleIndex: number): Result {
  const extra = Object.fromEntries(Object.entries(finding).filter(([key, value]) => !CORE_FIELDS.has(key) && value !== undefined));
  const details = Array.isArray(finding.details) ? `\n${(finding.details as unknown[]).join('\n')}` : '';
  return {
    ruleId: finding.rule,
    ruleIndex,
    level: finding.severity,
    message: { text: `${finding.message}${finding.hint ? `\n→ ${finding.hint}` : ''}${details}` },
    locations: [location(finding)],
    ...(finding.fix ? { fixes: [fix(finding.fix)] } : {}),
    ...(finding.source
      ? { relatedLocations: [{ id: 1, ...location(finding.source), message: { text: 'The matching place in the source locale.' } }] }
      : {}),
    ...(Object.keys(extra).length > 0 ? { properties: extra } : {}),
  };
}

function location(place: Location): SarifLocation {
  return {
    physicalLocation: {
      artifactLocation: { uri: place.file.split('/').map(encodeURIComponent).join('/'), uriBaseId: ROOT_ID },
      ...(place.line !== undefined ? { region: { startLine: place.line, startColumn: place.column ?? 1 } } : {}),
    },
  };
}

/** A proposed fix as SARIF's `fix`: the replacements grouped by file, regions with SARIF's own (exclusive) end column. */
function fix(proposed: Fix): SarifFix {
  const byFile = new Map<string, Replacement[]>();
  for (const replacement of proposed.replacements) byFile.set(replacement.file, [...(byFile.get(replacement.file) ?? []), replacement]);
  return {
    description: { text: proposed.description },
    artifactChanges: [...byFile].map(([file, replacements]) => ({
      artifactLocation: { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: ROOT_ID },
      replacements: replacements.map((replacement) => ({
        deletedRegion: {
          startLine: replacement.line,
          startColumn: replacement.column,
          endLine: replacement.endLine,
          endColumn: replacement.endColumn,
        },
        insertedContent: { text: replacement.text },
      })),
    })),
  };
}

/** SARIF wants an absolute URI ending in a slash for a base id. */
function directoryUri(path: string): string {
  const href = pathToFileURL(path).href;
  return href.endsWith('/') ? href : `${href}/`;
}
