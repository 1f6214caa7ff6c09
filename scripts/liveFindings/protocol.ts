/**
 * What the findings app in the dev toolbar and the dev server say to each other
 * over Vite's websocket. Shared by the browser side (app.ts) and the server side
 * (index.ts), so it imports nothing that runs in Node: plain types and names.
 */
import type { Severity } from '../../src/report/finding.ts';

/** The app's id in the toolbar; also the prefix of its events. */
export const APP_ID = 'publisher-docs-findings';

export const EVENTS = {
  /** Browser → server: the findings of the page at `url`, please. */
  request: `${APP_ID}:request`,
  /** Server → browser: the findings of one page (every tab receives it; each keeps its own URL's). */
  result: `${APP_ID}:result`,
  /** Server → browser: content changed and the checks ran again; ask again. */
  updated: `${APP_ID}:updated`,
} as const;

export interface FindingsRequest {
  /** `location.pathname` as the browser has it (percent-encoded). */
  url: string;
}

export type Checker = 'check:i18n' | 'check:links';

/** A finding as the toolbar shows it: plain data, only the fields it shows. Its text quotes content: untrusted. */
export interface ShownFinding {
  checker: Checker;
  rule: string;
  severity: Severity;
  message: string;
  hint?: string;
  /** Repository-relative, as in every finding. */
  file: string;
  line?: number;
  column?: number;
  /** The matching place in the source (English) file. */
  source?: { file: string; line?: number; column?: number };
}

export interface PageFindings {
  /** The URL as requested, so a tab can tell its own answer from another tab's. */
  url: string;
  /** The content-model page at that URL; absent for what is not a content page (the dashboard, a 404). */
  page?: {
    locale: string;
    status: string;
    /** The page's own file, if the locale has one. */
    ownFile?: string;
    /** The source locale's file for the page. */
    sourceFile: string;
  };
  /** The page's findings, by file and line. */
  findings: ShownFinding[];
  /** Findings in the locale's string files (ui.json, tables.json): their strings show on every page. */
  strings: ShownFinding[];
  /** Set when a check could not run: then the lists above say nothing about the page. */
  failure?: { message: string; findings: ShownFinding[] };
}
