import { describe, expect, it } from 'vitest';
import { formatPredecessors, parsePredecessors } from '../../../core/planning/predecessors';

describe('reading predecessor text', () => {
  it('reads types, lags and leads, defaulting to finish-to-start', () => {
    expect(parsePredecessors('3FS+2, 5SS, 7FF-1, 9')).toEqual([
      { seq: 3, type: 'FS', lag: 2 },
      { seq: 5, type: 'SS', lag: 0 },
      { seq: 7, type: 'FF', lag: -1 },
      { seq: 9, type: 'FS', lag: 0 },
    ]);
  });

  it('accepts lower case, spaces, Chinese commas and a day unit', () => {
    expect(parsePredecessors(' 2 sf - 3天，4ss+1d; ')).toEqual([
      { seq: 2, type: 'SF', lag: -3 },
      { seq: 4, type: 'SS', lag: 1 },
    ]);
  });

  it('reads an empty cell as no predecessors', () => {
    expect(parsePredecessors('')).toEqual([]);
    expect(parsePredecessors(' , ')).toEqual([]);
  });

  it('names the bad token and its column', () => {
    // "3FS+2, " is 7 characters, so "5XS" starts at column 8.
    expect(() => parsePredecessors('3FS+2, 5XS')).toThrowError(
      expect.objectContaining({
        code: 'planning.predecessor_invalid',
        message: expect.stringContaining('Cannot read "5XS" at column 8'),
        details: expect.objectContaining({ token: '5XS', column: 8 }),
      }),
    );
    expect(() => parsePredecessors('FS3')).toThrow('"FS3" at column 1');
    expect(() => parsePredecessors('4FS+')).toThrow('"4FS+"');
    expect(() => parsePredecessors('0SS')).toThrow('task numbers start at 1');
  });

  it('refuses the same predecessor twice', () => {
    expect(() => parsePredecessors('3, 3SS')).toThrowError(
      expect.objectContaining({ code: 'planning.predecessor_duplicate' }),
    );
  });
});

describe('writing predecessor text', () => {
  it('writes the short form and reads back the same dependencies', () => {
    const refs = parsePredecessors('7FF-1, 3FS+2, 5SS, 9FS');
    const text = formatPredecessors(refs);
    expect(text).toBe('3FS+2, 5SS, 7FF-1, 9');
    expect(parsePredecessors(text)).toEqual([...refs].sort((a, b) => a.seq - b.seq));
  });
});
