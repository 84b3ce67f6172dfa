import { describe, expect, it } from 'vitest';
import { currency } from '../money/currency.ts';
import { parseOfxAmount } from './ofx-amounts.ts';

const EUR = currency('EUR');

describe('parseOfxAmount', () => {
  it.each([
    ['-5.00', -500],
    ['-12,50', -1250],
    ['+5', 500],
    ['120', 12000],
    ['-30.000', -3000],
    ['-3.77000', -377],
    ['+00000000001111.0000', 111100],
    ['.5', 50],
    ['-.25', -25],
    ['7.', 700],
    [' -0.01 ', -1],
    ['-0', 0],
  ])('%s → %i minor units', (text, minorUnits) => {
    expect(parseOfxAmount(text, EUR)).toEqual({ amountMinor: minorUnits, isRounded: false });
  });

  it('follows the currency exponent', () => {
    expect(parseOfxAmount('1500', currency('JPY'))?.amountMinor).toBe(1500);
    expect(parseOfxAmount('-1.250', currency('KWD'))?.amountMinor).toBe(-1250);
  });

  it('rounds non-zero extra decimals half away from zero, and says so', () => {
    expect(parseOfxAmount('-1.2350', EUR)).toEqual({ amountMinor: -124, isRounded: true });
    expect(parseOfxAmount('1.2349', EUR)).toEqual({ amountMinor: 123, isRounded: true });
  });

  it.each([
    [undefined],
    [''],
    [' '],
    ['$120'],
    ['12 EUR'],
    ['1,234.56'],
    ['1.2.3'],
    ['--5'],
    ['-'],
    ['.'],
    ['5-'],
    ['1e3'],
    ['99999999999999999999'],
  ])('%s is refused', (text) => {
    expect(parseOfxAmount(text, EUR)).toBeNull();
  });
});
