/** Machine output: one JSON object, `{ findings, summary }`. */
import type { Report } from '../report.ts';

export function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
