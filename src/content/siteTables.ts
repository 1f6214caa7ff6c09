/**
 * The shared table data as the site sees it: imported (so `astro dev` reloads
 * it) and validated by the schema the build guard already reported against.
 */
import tablesJson from '../../content/tables.json';
import { ContentError } from '../report/finding.ts';
import { parseTables } from './tables.ts';

const parsed = parseTables(tablesJson);
if (Array.isArray(parsed)) throw new ContentError(parsed);

export const tables = parsed;
