/**
 * Where "Edit this page" leads: the page's source file under the
 * `EDIT_BASE_URL` environment variable of the build (for example
 * `https://github.com/contoso/publisher-docs/edit/main/`); no link without it.
 * Read here only, so the incremental build's key (renderKey.ts) holds the
 * same address the page shows. The file's path comes from content (its name is
 * whatever a contributor called it), so each segment is URL-encoded: a `#`,
 * `?` or `%` in a file name stays part of the path.
 */
export function editUrl(file: string | undefined, base = process.env.EDIT_BASE_URL): string | undefined {
  return base && file ? new URL(file.split('/').map(encodeURIComponent).join('/'), base.endsWith('/') ? base : `${base}/`).href : undefined;
}

/**
 * Where a file that does not exist yet is created, for a repository host whose
 * edit address has an `/edit/<branch>/` segment (GitHub: `…/edit/main/` →
 * `…/new/main/<folder>?filename=<name>`); undefined for any other address,
 * whose way of creating a file is unknown.
 */
export function newFileUrl(file: string, base = process.env.EDIT_BASE_URL): string | undefined {
  if (!base) return undefined;
  const url = new URL(base.endsWith('/') ? base : `${base}/`);
  const segments = url.pathname.split('/');
  const edit = segments.lastIndexOf('edit');
  if (edit === -1 || url.hostname !== 'github.com') return undefined;
  segments[edit] = 'new';
  const slash = file.lastIndexOf('/');
  url.pathname = `${segments.join('/')}${file.slice(0, slash + 1)}`;
  url.search = `?filename=${encodeURIComponent(file.slice(slash + 1))}`;
  return url.href;
}

/**
 * What a page offers its reader to change it: to edit its file, or, on a
 * fallback page, to translate it: the locale's file (the one an `untranslated`
 * page already has, else where a `missing` one would be created) rather than
 * the source file shown. `href` is absent when the repository address gives none.
 */
export function pageEditLink(
  page: { isFallback: boolean; file: string; ownFile: string | undefined; localeFile: string },
  base = process.env.EDIT_BASE_URL,
): { kind: 'edit' | 'translate'; file: string; href: string | undefined } | undefined {
  if (!base) return undefined;
  if (!page.isFallback) return { kind: 'edit', file: page.file, href: editUrl(page.file, base) };
  return { kind: 'translate', file: page.localeFile, href: page.ownFile ? editUrl(page.ownFile, base) : newFileUrl(page.localeFile, base) };
}
