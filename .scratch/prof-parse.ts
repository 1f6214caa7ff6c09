import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePage } from '../src/content/parsedPage.ts';
const root = process.argv[2]!;
const files: [string, string][] = [];
for (const loc of ['en', 'de']) for (const f of readdirSync(join(root, 'content', loc), { recursive: true, encoding: 'utf8' })) if (f.endsWith('.mdx')) files.push([`content/${loc}/${f}`, readFileSync(join(root, 'content', loc, f), 'utf8')]);
const t = performance.now();
for (const [file, text] of files) parsePage(file, file, 'en', text);
console.log(files.length, 'pages', ((performance.now() - t) / files.length).toFixed(2), 'ms/page');
