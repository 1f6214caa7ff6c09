/**
 * JSON that is safe inside an HTML `<script>` element (JSON-LD, data for an
 * inline script). `JSON.stringify` alone is not: a string holding
 * `</script>` ends the element and what follows runs as HTML, `<!--` changes
 * how the parser looks for the end tag, and U+2028/U+2029 end a line in older
 * JavaScript parsers. Each of `<`, `>`, `&`, U+2028 and U+2029 becomes its
 * `\uXXXX` escape, which every JSON and JavaScript parser reads back as the
 * same character, so the data is unchanged and the element cannot be closed
 * from inside. Every JSON that lands in a `<script>` goes through here.
 */
const UNSAFE = /[<>&\u2028\u2029]/g;

const escapeChar = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

export function jsonForScript(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('jsonForScript: the value has no JSON form (undefined, a function or a symbol)');
  return json.replace(UNSAFE, escapeChar);
}
