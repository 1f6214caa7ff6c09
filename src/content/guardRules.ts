/**
 * The content guard's rules: every rule id the build's content guard
 * (guard.ts, before Astro compiles anything) and the loaders it runs report,
 * with a one-line description and an example. Unlike the checkers' registries
 * these cannot be selected or ignored (the guard stops the build, or does not);
 * the list is here so the README's table (`npm run docs:rules`) is exactly
 * what the guard reports, and a test keeps the two in step.
 */
import type { RuleInfo } from '../report/rules.ts';

export const GUARD_RULES: readonly RuleInfo[] = [
  { id: 'config', severity: 'error', description: 'The locale registry or the tables\' structure cannot be used.', example: 'invalid JSON in `content/locales.json`; a source locale that is not registered' },
  { id: 'locale-folder', severity: 'error', description: 'A folder under content/ is not a registered locale, or a registered locale has no folder.', example: '`content/fr/` without an `fr` entry in `content/locales.json`' },
  { id: 'symlink', severity: 'error', description: 'A symbolic link in content/; links are never followed.', example: '`content/de/guides` linking to `../en/guides` (a loop) or outside the project' },
  { id: 'parse-error', severity: 'error', description: 'A page or JSON file cannot be read or parsed.', example: 'an unclosed `<Callout>` (at the opening tag), invalid JSON, a page that is not UTF-8 or holds a NUL byte (at the first bad byte)' },
  { id: 'frontmatter', severity: 'error', description: 'A page\'s frontmatter is missing or breaks the schema.', example: '`order: null`; an unknown key; a description under 20 characters' },
  { id: 'mdx-import', severity: 'error', description: 'A page imports or exports (components are provided to every page).', example: '`import Chart from "../components/Chart.astro"`' },
  { id: 'mdx-expression', severity: 'error', description: 'A page holds code: an expression other than a comment in a source page, or one its source page does not have in a translation.', example: '`{globalThis.process.env.HOME}`, `type={"note"}`, `{...props}`; `{/* #next-steps */}` is a comment and fine' },
  { id: 'component', severity: 'error', description: 'An unknown component, a missing or unknown prop, or (in a translation) other props than the source gives.', example: '`<Chart />`; `<Callout>` without `type`; `<StorefrontTable table="nope" />`' },
  { id: 'raw-html', severity: 'error', description: 'Raw HTML beyond text formatting: an element off the allowlist, or an attribute such as an event handler.', example: '`<script>`, `<iframe>`, `<style>`, `<img onerror=…>`, `<span style=…>`; `<kbd>`, `<sub>`, `<br>` are fine' },
  { id: 'unsafe-url', severity: 'error', description: 'A URL that runs script or starts a program when followed (check:links reports it too).', example: '`[x](javascript:alert(1))`, a `data:text/html` link, `<a href="vbscript:…">`; images may be `data:image/png`' },
  { id: 'missing-file', severity: 'error', description: 'A file every build needs is missing.', example: 'the source locale has no `ui.json`' },
  { id: 'table-label', severity: 'error', description: 'A locale whose pages show tables lacks a table label.', example: '`item.technology` missing from `content/de/tables.json`' },
];
