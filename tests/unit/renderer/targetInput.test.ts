// Figures typed into the targets editor: percents for rates, with or
// without the sign; plain numbers for the rest.
import { describe, expect, it } from 'vitest';
import { toStored } from '../../../renderer/src/dashboard/targetFigures.js';

describe('target figures as typed', () => {
  it('reads rates as percents, with or without the sign', () => {
    expect(toStored('win_rate', '70')).toBeCloseTo(0.7, 12);
    expect(toStored('win_rate', '70%')).toBeCloseTo(0.7, 12);
    expect(toStored('nrr', ' 112.5 % ')).toBeCloseTo(1.125, 12);
    expect(toStored('win_rate', '%')).toBeNull();
  });

  it('reads other figures as they are, thousands separators allowed', () => {
    expect(toStored('mrr', '4,000,000')).toBe(4_000_000);
    expect(toStored('quick_ratio', '4')).toBe(4);
    expect(toStored('mrr', '70%')).toBeNull();
    expect(toStored('mrr', '')).toBeNull();
  });
});
