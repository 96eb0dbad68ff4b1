/** Money: integer minor units with an ISO currency, formatted for people. */
import { describe, expect, it } from 'vitest';
import { CurrencyCode, formatMoney, Money } from '../../server/protocol/money.js';

// Intl puts narrow no-break spaces in some locales; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it.each([
    [12999, 'EUR', 'en', '€129.99'],
    [5, 'EUR', 'en', '€0.05'],
    [0, 'EUR', 'en', '€0.00'],
    [123456, 'USD', 'en-US', '$1,234.56'],
    [123456, 'EUR', 'de-DE', '1.234,56 €'],
    [123456, 'EUR', 'fr-FR', '1 234,56 €'],
    [99, 'GBP', 'en-GB', '£0.99'],
    // Yen has no minor unit: the amount is whole yen.
    [500, 'JPY', 'en', '¥500'],
    [500, 'JPY', 'ja-JP', '￥500'],
    // Dinars have three decimals.
    [1234, 'KWD', 'en', 'KWD 1.234'],
    [100_000_000, 'EUR', 'en', '€1,000,000.00'],
  ])('formats %d %s in %s as %s', (amount, currency, locale, want) => {
    expect(plain(formatMoney({ amount, currency }, locale))).toBe(want);
  });
});

describe('Money and CurrencyCode', () => {
  it.each([
    [{ amount: 0, currency: 'EUR' }, true],
    [{ amount: 100_000_000, currency: 'JPY' }, true],
    [{ amount: 100_000_001, currency: 'EUR' }, false],
    [{ amount: -1, currency: 'EUR' }, false],
    [{ amount: 1.5, currency: 'EUR' }, false],
    [{ amount: '100', currency: 'EUR' }, false],
    [{ amount: Number.NaN, currency: 'EUR' }, false],
    [{ amount: 100, currency: 'eur' }, false],
    [{ amount: 100, currency: 'EURO' }, false],
    [{ amount: 100, currency: 'XQZ' }, false],
    [{ amount: 100 }, false],
  ])('Money accepts %j: %s', (value, ok) => {
    expect(Money.safeParse(value).success).toBe(ok);
  });

  it.each(['EUR', 'USD', 'GBP', 'JPY', 'CHF', 'SEK', 'KWD'])('knows the ISO 4217 code %s', (code) => {
    expect(CurrencyCode.parse(code)).toBe(code);
  });

  it('explains what a currency code should look like', () => {
    const res = CurrencyCode.safeParse('euro');
    expect(res.success).toBe(false);
    expect(res.error?.issues[0]?.message).toContain('ISO 4217');
  });
});
