import { describe, expect, it } from 'vitest';
import { exitCodeFor, exitCodes } from '../../../hosts/cli/exit';

describe('CLI exit codes for core errors', () => {
  it('treats a rejected input or file as 2', () => {
    expect(exitCodeFor({ code: 'api.invalid_input' })).toBe(2);
    expect(exitCodeFor({ code: 'imports.encoding_unknown' })).toBe(2);
    expect(exitCodeFor({ code: 'files.not_found' })).toBe(2);
  });

  it('treats other expected failures, cancellation included, as 3', () => {
    expect(exitCodeFor({ code: 'customers.not_found' })).toBe(3);
    expect(exitCodeFor({ code: 'db.newer_version' })).toBe(3);
    expect(exitCodeFor({ code: 'imports.cancelled' })).toBe(3);
  });

  it('treats an internal error as a bug, 4', () => {
    expect(exitCodeFor({ code: 'internal' })).toBe(exitCodes.bug);
  });
});
