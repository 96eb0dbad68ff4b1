import { z } from 'zod';

/** ISO 4217 codes the runtime knows; used to refuse made-up currencies. */
const KNOWN_CURRENCIES = new Set<string>(
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : ['EUR', 'USD', 'GBP'],
);

export const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR')
  .refine((c) => KNOWN_CURRENCIES.has(c), 'not an ISO 4217 currency code');

/** An amount in integer minor units (cents) with its ISO 4217 currency. */
export const Money = z.object({
  amount: z.number().int().min(0).max(100_000_000),
  currency: CurrencyCode,
});
export type Money = z.infer<typeof Money>;

/** Formats money for people, e.g. 12999 EUR → "€129.99". */
export function formatMoney(m: Money, locale?: string): string {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency: m.currency }).resolvedOptions()
    .maximumFractionDigits ?? 2;
  return new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency }).format(
    m.amount / 10 ** digits,
  );
}
