import { describe, expect, it } from 'vitest';
import { formatYen } from '../../api/programme/catalogue/catalogue';

describe('formatYen (amounts in catalogue texts)', () => {
  it('groups thousands with commas', () => {
    expect([0, 7, 999, 1000, 70000, 123456, 1000000, 48050].map(formatYen)).toEqual(['0', '7', '999', '1,000', '70,000', '123,456', '1,000,000', '48,050']);
    expect(formatYen(-1234567)).toBe('-1,234,567');
  });
});
