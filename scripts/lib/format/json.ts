/** Machine output: one JSON object, `{ findings, summary }`. */
import type { Report } from '../findings.ts';

export function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
