import { describe, expect, it } from 'vitest';
import { parseDecimalText } from './decimal-text.js';

describe('parseDecimalText', () => {
  it.each([
    ['12', 12, 0],
    ['12,5', 12.5, 1],
    ['12.5', 12.5, 1],
    ['12,50', 12.5, 2],
    [' -3 ', -3, 0],
    ['\u22123,25', -3.25, 2],
    ['+7', 7, 0],
    ['10 000,50', 10_000.5, 2],
    ['1\u00a0234\u00a0567', 1_234_567, 0],
    ['0,0001', 0.0001, 4],
    ['-0', 0, 0],
    ['1,000', 1, 3],
  ])('reads %j as %d with %d decimals written', (text, value, decimals) => {
    expect(parseDecimalText(text)).toEqual({ value, decimals });
  });

  it('reads what it reads exactly: the decimal written is the number stored', () => {
    expect(String(parseDecimalText('123456789,1234')!.value)).toBe('123456789.1234');
    expect(parseDecimalText('0,1')!.value).toBe(0.1);
  });

  it.each(['', 'abc', '1,000.50', '1.000,50', '12e3', '.5', '5.', '1 2', '10 00', '½', '12 €'])(
    'refuses %j rather than guess',
    (text) => {
      expect(parseDecimalText(text)).toBeNull();
    },
  );
});
