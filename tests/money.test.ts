import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatWan, formatYuan, readAmount, toFen } from '../src/lib/reading/money.ts';

describe('money', () => {
  it.each([
    ['219800.00', '元', 21980000n],
    ['1,200,000.00', '元', 120000000n],
    ['0.01', '元', 1n],
    ['40000', '元', 4000000n],
    ['120', '万元', 120000000n],
    ['202.6', '万元', 202600000n],
    ['4.000001', '万元', 4000001n],
  ] as const)('reads %s %s as %i 分', (text, unit, fen) => {
    expect(toFen(text, unit)).toBe(fen);
  });

  it('shows amounts the way Chinese finance tables do', () => {
    expect(formatYuan(316731000n)).toBe('3,167,310.00');
    expect(formatYuan(5n)).toBe('0.05');
    expect(formatWan(120000000n)).toBe('120.00');
    expect(formatWan(316731000n)).toBe('316.73');
  });

  it('rejects negatives and malformed text instead of guessing', () => {
    expect(readAmount('-1.00')).toEqual({ ok: false, reason: 'negative' });
    expect(readAmount('1,20.00')).toEqual({ ok: false, reason: 'format' });
    expect(readAmount('四万')).toEqual({ ok: false, reason: 'format' });
    expect(readAmount(' ')).toEqual({ ok: false, reason: 'empty' });
  });

  it('never loses a fen: any amount formats back to the text it came from', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (fen) => {
        const text = formatYuan(fen);
        expect(toFen(text)).toBe(fen);
      }),
    );
  });
});
