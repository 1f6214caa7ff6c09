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
