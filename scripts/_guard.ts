import { guardContent } from '../src/content/guard.ts';
import { openParseCache } from '../src/content/parseCache.ts';
const root = process.argv[2]!;
const t = performance.now();
const r = await guardContent(root, openParseCache(root, process.argv[3] === 'mem' ? null : undefined));
console.log('guard', r.pages, r.problems.length, Math.round(performance.now() - t), 'ms');
