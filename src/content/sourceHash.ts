/**
 * The revision of a source page that a translation was made from, like
 * Microsoft's `ms.openlocfilehash`: a hash of the file's text, so it works
 * without git and survives rebases. Line endings and a BOM are normalized
 * first, so a Windows checkout does not make every translation outdated.
 */
import { hash } from 'node:crypto';
import { normalizeText } from './mdx.ts';

export function sourceHash(text: string): string {
  return `sha256:${hash('sha256', normalizeText(text), 'hex').slice(0, 16)}`;
}
