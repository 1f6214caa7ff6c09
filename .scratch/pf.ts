import { close, createIndex } from 'pagefind';
const t = performance.now();
const { index } = await createIndex({});
const added = await index!.addDirectory({ path: process.argv[2]! });
const t2 = performance.now();
await index!.writeFiles({ outputPath: '/tmp/pf-api' });
console.log(added.page_count, 'pages; add', Math.round(t2 - t), 'ms; write', Math.round(performance.now() - t2), 'ms');
await close();
