import { readdirSync } from 'node:fs';
import { scanPages } from './scripts/links/scanDist.ts';
const dist = process.argv[2]!;
const names = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).map((f) => `/${f}`);
for (let i = 0; i < 3; i++) scanPages({ dist, files: names, firstPage: 0, siteOrigin: 'https://publishers.example.com' });
