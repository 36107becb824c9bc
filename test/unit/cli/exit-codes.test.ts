import { describe, expect, it } from 'vitest';
import { exitCodeFor, exitCodes } from '../../../hosts/cli/exit';

describe('CLI exit codes for core errors', () => {
  it('treats a rejected input or file as 2', () => {
    expect(exitCodeFor({ code: 'imports.column_missing' })).toBe(2);
    expect(exitCodeFor({ code: 'files.not_found' })).toBe(2);
    expect(exitCodeFor({ code: 'files.unwritable' })).toBe(2);
  });

  it('treats a value the core refuses as a wrong command line, 1 like any usage error', () => {
    // Every input the CLI sends to the core comes from its own command line.
    expect(exitCodeFor({ code: 'api.invalid_input' })).toBe(exitCodes.usage);
    expect(exitCodeFor({ code: 'usage' })).toBe(1);
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
