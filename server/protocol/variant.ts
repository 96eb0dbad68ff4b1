/**
 * What a cart line's `variant` string means and whether it fits a product: the size and colour the
 * shopper chose, as one stable string ("M / Navy", "M", "Navy" or ""). Pure and shared: the server
 * checks every cart add with it (HTTP and live), the client builds the same string and reads it back.
 * A single string keeps old carts and orders (a size alone, or "") readable as they are.
 */
import { ZodError } from 'zod';

/** Between size and colour in a variant that names both. Colour names may not contain "/". */
export const VARIANT_SEPARATOR = ' / ';
/** Longest variant: a 12-character size, the separator and a 24-character colour name. */
export const MAX_VARIANT_LENGTH = 40;
export const MAX_COLOR_NAME_LENGTH = 24;

export interface ColorOption {
  name: string;
  hex: string;
}

/** What a product offers to choose from. */
export interface Choices {
  sizes?: readonly string[] | undefined;
  colorOptions?: readonly ColorOption[] | undefined;
}

/** The shopper's choice; '' where nothing is chosen or nothing applies. */
export interface Choice {
  size: string;
  color: string;
}

/** The variant string of a choice: "M / Navy", "M", "Navy" or "". */
export function variantOf({ size, color }: Choice): string {
  if (size && color) return `${size}${VARIANT_SEPARATOR}${color}`;
  return size || color;
}

/**
 * Reads a variant back into size and colour. Without the product a lone part is taken as a size
 * (as every variant written before colours existed is); give the product's colour options to
 * recognise a lone colour ("Sand" on a tote bag).
 */
export function choiceOf(variant: string, colorOptions: readonly ColorOption[] = []): Choice {
  const i = variant.lastIndexOf(VARIANT_SEPARATOR);
  if (i >= 0) return { size: variant.slice(0, i), color: variant.slice(i + VARIANT_SEPARATOR.length) };
  if (findColor(colorOptions, variant)) return { size: '', color: variant };
  return { size: variant, color: '' };
}

/** The colour option with this name (case-insensitive), if the product has it. */
export function findColor(colorOptions: readonly ColorOption[], name: string): ColorOption | undefined {
  if (!name) return undefined;
  const key = name.toLowerCase();
  return colorOptions.find((c) => c.name.toLowerCase() === key);
}

/** Stable codes of what can be wrong with a variant, in `issues[].code` of a VALIDATION_FAILED error. */
export const VARIANT_ISSUES = ['missing_size', 'unknown_size', 'no_sizes', 'missing_color', 'unknown_color', 'no_colors'] as const;
export type VariantIssueCode = (typeof VARIANT_ISSUES)[number];
export interface VariantIssue {
  code: VariantIssueCode;
  path: ['variant'];
  message: string;
}

export type VariantCheck = { ok: true; variant: string; choice: Choice } | { ok: false; issues: VariantIssue[] };

/**
 * Checks a variant against what the product offers: a listed size where it has sizes, a listed
 * colour where it has colour options, nothing where it has neither. Answers the canonical variant
 * (the colour spelled as the product spells it), so "m / navy" and "M / Navy" are one cart line.
 */
export function checkVariant(product: { name: string; attributes: Choices }, variant: string): VariantCheck {
  const sizes = product.attributes.sizes ?? [];
  const colors = product.attributes.colorOptions ?? [];
  const { size, color } = choiceOf(variant, colors);
  const issues: VariantIssue[] = [];
  const issue = (code: VariantIssueCode, message: string) => issues.push({ code, path: ['variant'], message });
  if (sizes.length > 0) {
    if (!size) issue('missing_size', `Choose a size for ${product.name}: ${sizes.join(', ')}.`);
    else if (!sizes.includes(size)) issue('unknown_size', `${product.name} has no size ${size}; choose ${sizes.join(', ')}.`);
  } else if (size) issue('no_sizes', `${product.name} has no sizes${colors.length ? '' : ' or colours'} to choose from.`);
  const option = findColor(colors, color);
  if (colors.length > 0) {
    const names = colors.map((c) => c.name).join(', ');
    if (!color) issue('missing_color', `Choose a colour for ${product.name}: ${names}.`);
    else if (!option) issue('unknown_color', `${product.name} does not come in ${color}; choose ${names}.`);
  } else if (color) issue('no_colors', `${product.name} has no colours to choose from.`);
  if (issues.length > 0) return { ok: false, issues };
  const choice = { size, color: option?.name ?? '' };
  return { ok: true, variant: variantOf(choice), choice };
}

/**
 * The canonical variant of a cart add, or a VALIDATION_FAILED error (a ZodError, answered by HTTP
 * and socket alike) whose issues carry the codes above. The one rule for every way into a cart.
 */
export function requireVariant(product: { name: string; attributes: Choices }, variant: string): string {
  const check = checkVariant(product, variant);
  if (!check.ok) throw new ZodError(check.issues as unknown as ConstructorParameters<typeof ZodError>[0]);
  return check.variant;
}
