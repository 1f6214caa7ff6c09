/** The commands' error handling: messages that name the file and say what to do, never a stack trace. */
import { describe, expect, it } from 'vitest';
import { describeError, parseCli, UsageError } from './cli.ts';

describe('describeError', () => {
  it('names the path of a file-system error and what to check', () => {
    const error = (code: string) => Object.assign(new Error(`${code}: boom, open '/p/x.mdx'`), { code, path: '/p/x.mdx' });
    expect(describeError(error('ENOENT'))).toBe(
      '/p/x.mdx does not exist (a broken symbolic link, or removed during the run); restore it or delete the reference to it.',
    );
    expect(describeError(error('EACCES'))).toBe('/p/x.mdx cannot be read (permission denied); give your user read permission (chmod u+r).');
    expect(describeError(error('EISDIR'))).toBe('/p/x.mdx is a folder where a file was expected; rename or remove it.');
    expect(describeError(error('EIO'))).toBe('/p/x.mdx cannot be read (EIO); check the file and its disk.');
    // Inside the current folder, the path is shown relative to it.
    expect(describeError(Object.assign(new Error('x'), { code: 'ENOENT', path: `${process.cwd()}/content/de/x.mdx` }))).toMatch(
      /^content\/de\/x\.mdx does not exist/,
    );
  });

  it('falls back to the message for anything else', () => {
    expect(describeError(new Error('Something specific.'))).toBe('Something specific.');
    expect(describeError('a string')).toBe('a string');
  });
});

describe('parseCli', () => {
  it('turns an unknown option into a usage error naming it', () => {
    expect(() => parseCli(['--bogus'], { format: { type: 'string' } })).toThrow(UsageError);
    expect(() => parseCli(['--bogus'], { format: { type: 'string' } })).toThrow(/--bogus/);
  });
});
