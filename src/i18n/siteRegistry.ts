/**
 * The registry as the site sees it: imported (so `astro dev` reloads it) and
 * validated by the same schema the build guard uses. The guard has already
 * reported any problem with file and line, so here a failure is a plain error.
 */
import registryJson from '../../content/locales.json';
import { ContentError } from '../report/finding.ts';
import { parseRegistry } from './locales.ts';

const parsed = parseRegistry(registryJson);
if (Array.isArray(parsed)) throw new ContentError(parsed);

export const registry = parsed;
