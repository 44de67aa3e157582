// Dates on paper: 和暦 in Japan's time, whatever the machine's time zone.
import { describe, expect, it } from 'vitest';
import { warekiDate, warekiDateTime } from '../../../src/shared/wareki';

describe('wareki', () => {
  it('prints an instant in Japan time and the era calendar', () => {
    // 22:16 UTC on 1 December is 07:16 on 2 December in Tokyo.
    expect(warekiDateTime('2026-12-01T22:16:33.235Z')).toBe('令和8年12月2日 7:16');
    expect(warekiDate('2026-12-01T22:16:33.235Z')).toBe('令和8年12月2日');
  });

  it('spells an era’s first year 元年 and knows the era before', () => {
    expect(warekiDate('2019-06-01T00:00:00+09:00')).toBe('令和元年6月1日');
    expect(warekiDate('2019-04-30T12:00:00+09:00')).toBe('平成31年4月30日');
  });
});
