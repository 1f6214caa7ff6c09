/**
 * The findings app of the dev toolbar (browser side; registered by index.ts in
 * `npm run dev` only). It asks the dev server for the findings of the page on
 * screen and lists each with its checker, rule, message and `file:line`; a
 * click opens the file at that line in the editor, through the dev server's
 * `/__open-in-editor` endpoint that Astro's own toolbar apps use.
 *
 * Findings quote content, so their text is untrusted: everything is put in
 * with `textContent` and DOM methods, never as markup.
 */
import type { DevToolbarMetadata } from 'astro';
import { defineToolbarApp } from 'astro/toolbar';
import { EVENTS, type FindingsRequest, type PageFindings, type ShownFinding } from './protocol.ts';

/** Remembers across reloads that the app was open, so a save (which reloads the page) does not close it. */
const OPEN_KEY = 'publisher-docs-findings:open';

const STYLE = `
  astro-dev-toolbar-window { max-height: min(70vh, 560px); overflow: auto; width: min(720px, 92vw); }
  h1 { font-size: 1.1rem; margin: 0 0 .25rem; }
  h2 { font-size: .95rem; margin: 1rem 0 .25rem; }
  p { margin: .25rem 0; }
  .meta { color: #bfc1c9; font-size: .85rem; }
  ul { list-style: none; margin: 0; padding: 0; }
  li { border-top: 1px solid #343841; padding: .5rem 0; }
  .head { display: flex; flex-wrap: wrap; gap: .5rem; align-items: baseline; }
  .rule { font-family: ui-monospace, monospace; font-weight: 600; }
  .checker { color: #bfc1c9; font-size: .8rem; }
  .hint { color: #bfc1c9; }
  button.place { all: unset; cursor: pointer; font-family: ui-monospace, monospace; font-size: .85rem; color: #b0b7ff; text-decoration: underline; }
  button.place:focus-visible { outline: 2px solid #b0b7ff; }
  .failure { color: #ffb3c1; }
`;

export default defineToolbarApp({
  init(canvas, app, server) {
    const style = document.createElement('style');
    style.textContent = STYLE;
    const panel = document.createElement('astro-dev-toolbar-window');
    panel.setAttribute('data-findings', '');
    canvas.append(style, panel);
    const url = location.pathname;
    const root = (window as DevToolbarMetadata).__astro_dev_toolbar__.root;

    const ask = () => server.send<FindingsRequest>(EVENTS.request, { url });
    server.on<PageFindings>(EVENTS.result, (result) => {
      // Every open tab hears every answer; this one shows its own page's.
      if (result.url !== url) return;
      render(panel, result, root);
      const all = [...result.findings, ...result.strings, ...(result.failure?.findings ?? [])];
      if (result.failure || all.some((finding) => finding.severity === 'error')) app.toggleNotification({ state: true, level: 'error' });
      else if (result.findings.length > 0) app.toggleNotification({ state: true, level: 'warning' });
      else app.toggleNotification({ state: false });
    });
    server.on(EVENTS.updated, ask);
    app.onToggled(({ state }) => {
      if (state) sessionStorage.setItem(OPEN_KEY, '1');
      else sessionStorage.removeItem(OPEN_KEY);
    });
    render(panel, undefined, root);
    ask();
    if (sessionStorage.getItem(OPEN_KEY)) app.toggleState({ state: true });
  },
});

function render(panel: HTMLElement, result: PageFindings | undefined, root: string): void {
  const title = element('h1', 'Translation and link findings');
  if (!result) {
    panel.replaceChildren(title, element('p', 'Checking…', 'meta'));
    return;
  }
  const parts: Node[] = [title];
  if (result.failure) {
    parts.push(element('p', result.failure.message, 'failure'), list(result.failure.findings, root));
    panel.replaceChildren(...parts);
    return;
  }
  if (!result.page) {
    parts.push(element('p', `${decodeSafely(result.url)} is not a content page; the checks have nothing to say about it.`, 'meta'));
    panel.replaceChildren(...parts);
    return;
  }
  const { page } = result;
  parts.push(
    element(
      'p',
      `${page.ownFile ?? page.sourceFile} · ${page.locale} · ${page.status} · check:i18n and the source pass of check:links, again on every save`,
      'meta',
    ),
  );
  parts.push(result.findings.length === 0 ? element('p', 'No findings for this page.', 'ok') : list(result.findings, root));
  if (result.strings.length > 0) {
    parts.push(element('h2', `This locale's string files (${result.strings.length})`), list(result.strings, root));
  }
  panel.replaceChildren(...parts);
}

function list(findings: readonly ShownFinding[], root: string): HTMLElement {
  const ul = document.createElement('ul');
  for (const finding of findings) {
    const li = document.createElement('li');
    li.dataset.rule = finding.rule;
    const badge = document.createElement('astro-dev-toolbar-badge');
    badge.badgeStyle = finding.severity === 'error' ? 'red' : 'yellow';
    badge.size = 'small';
    badge.textContent = finding.severity;
    const head = document.createElement('div');
    head.className = 'head';
    head.append(badge, element('span', finding.rule, 'rule'), element('span', finding.checker, 'checker'), placeButton(finding, root));
    li.append(head, element('p', finding.message, 'message'));
    if (finding.hint) li.append(element('p', `→ ${finding.hint}`, 'hint'));
    if (finding.source) {
      const source = element('p', 'source: ', 'meta');
      source.append(placeButton(finding.source, root));
      li.append(source);
    }
    ul.append(li);
  }
  return ul;
}

/** `file:line:col` as a button that opens the file there in the editor. */
function placeButton(place: { file: string; line?: number; column?: number }, root: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'place';
  button.textContent = place.line === undefined ? place.file : `${place.file}:${place.line}:${place.column ?? 1}`;
  button.title = 'Open in the editor';
  button.addEventListener('click', () => {
    const target = `${root}${place.file}${place.line === undefined ? '' : `:${place.line}:${place.column ?? 1}`}`;
    void fetch(`/__open-in-editor?file=${encodeURIComponent(target)}`);
  });
  return button;
}

function element(tag: string, text: string, className?: string): HTMLElement {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  return node;
}

function decodeSafely(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
