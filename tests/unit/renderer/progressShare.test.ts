// The import bar follows the job's whole work in bytes.
import { describe, expect, it } from 'vitest';
import { progressPercent } from '../../../renderer/src/import/progressShare.js';

describe('progressPercent', () => {
  it('is the share of the work done, in whole percent rounded down', () => {
    expect(progressPercent({ bytesDone: 0, bytesTotal: 800 })).toBe(0);
    expect(progressPercent({ bytesDone: 200, bytesTotal: 800 })).toBe(25);
    // 799 / 800 is 99.875 %: not done until it is done.
    expect(progressPercent({ bytesDone: 799, bytesTotal: 800 })).toBe(99);
    expect(progressPercent({ bytesDone: 800, bytesTotal: 800 })).toBe(100);
  });

  it('stays between 0 and 100 whatever it is told', () => {
    expect(progressPercent({ bytesDone: 900, bytesTotal: 800 })).toBe(100);
    expect(progressPercent({ bytesDone: -5, bytesTotal: 800 })).toBe(0);
    expect(progressPercent({ bytesDone: 10, bytesTotal: 0 })).toBe(0);
  });
});
