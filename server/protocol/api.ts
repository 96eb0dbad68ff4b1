/**
 * The REST API's shapes: one zod schema per body, query and response, shared by the
 * server (which parses every request with them) and the client (which gets its types from them).
 */
import { z } from 'zod';
import { Category, ProductAttributes, type TryOnKind } from './catalog.js';
import { CurrencyCode, Money } from './money.js';
import { type ColorOption, MAX_VARIANT_LENGTH } from './variant.js';

export const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');

// ---------- products ----------
export const Photo = z.object({
  id: z.string(),
  url: z.string(),
  thumbUrl: z.string(),
  width: z.number().int(),
  height: z.number().int(),
});
export type Photo = z.infer<typeof Photo>;

export interface Product {
  id: string;
  name: string;
  description: string;
  category: Category;
  price: Money;
  stock: number;
  attributes: ProductAttributes;
  photos: Photo[];
  tryOn: TryOnKind | null;
  createdAt: string;
  updatedAt: string;
}

export const ProductQuery = z
  .object({
    q: z.string().trim().max(100).optional(),
    category: Category.optional(),
    minPrice: z.coerce.number().int().min(0).optional(),
    maxPrice: z.coerce.number().int().min(0).optional(),
    inStock: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
    limit: z.coerce.number().int().min(1).max(100).default(24),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict();
export type ProductQuery = z.infer<typeof ProductQuery>;

export interface ProductPage {
  items: Product[];
  total: number;
  limit: number;
  offset: number;
}

export const ProductCreate = z
  .object({
    name: z.string().trim().min(1).max(120),
    description: z.string().max(4000).default(''),
    category: Category,
    price: Money,
    stock: z.number().int().min(0).max(1_000_000),
    attributes: ProductAttributes.default({}),
  })
  .strict();
export type ProductCreate = z.input<typeof ProductCreate>;

export const ProductUpdate = z
  .object({
    name: z.string().trim().min(1).max(120),
    description: z.string().max(4000),
    category: Category,
    price: Money,
    stock: z.number().int().min(0).max(1_000_000),
    attributes: ProductAttributes,
  })
  .partial()
  .strict();
export type ProductUpdate = z.infer<typeof ProductUpdate>;

// ---------- carts ----------
export const MAX_LINE_QUANTITY = 99;
/** The chosen size and colour as one string ("M / Navy"; see variant.ts); checked against the product on add. */
export const CartVariant = z.string().max(MAX_VARIANT_LENGTH).default('');
export const CartAdd = z
  .object({
    productId: Id,
    variant: CartVariant,
    quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY).default(1),
  })
  .strict();
export type CartAdd = z.input<typeof CartAdd>;

export const CartLineUpdate = z.object({ quantity: z.number().int().min(0).max(MAX_LINE_QUANTITY) }).strict();

export interface CartLine {
  id: string;
  productId: string;
  variant: string;
  /** The variant read against the product: the size ('' if none) and the colour option (null if none). */
  size: string;
  color: ColorOption | null;
  quantity: number;
  name: string;
  photo: Photo | null;
  unitPrice: Money;
  lineTotal: Money;
  available: number;
  /** Set when the line came from a live session's flash deal (price held until expiry). */
  deal?: { sessionId: string; expiresAt: string } | null;
}

export interface Cart {
  lines: CartLine[];
  itemCount: number;
  subtotal: Money;
  total: Money;
}

// ---------- checkout and orders ----------
export const ORDER_STATUSES = ['pending', 'paid', 'failed', 'shipped', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const CheckoutBody = z
  .object({
    /** Test provider: "tok_visa" pays, "tok_declined" fails. */
    paymentToken: z.string().min(1).max(64).default('tok_visa'),
    sessionId: Id.optional(),
  })
  .strict();
export type CheckoutBody = z.input<typeof CheckoutBody>;

export interface OrderLine {
  productId: string;
  variant: string;
  name: string;
  quantity: number;
  unitPrice: Money;
  lineTotal: Money;
}

export interface Order {
  id: string;
  status: OrderStatus;
  lines: OrderLine[];
  total: Money;
  createdAt: string;
  updatedAt: string;
  paymentRef: string | null;
  shopperId?: string;
  sessionId?: string | null;
}

export const OrderStatusUpdate = z.object({ status: z.enum(['shipped', 'cancelled']) }).strict();

export const OrderQuery = z
  .object({
    status: z.enum(ORDER_STATUSES).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export interface Health {
  ok: true;
  version: string;
  store: 'pglite' | 'postgres';
  uptimeSeconds: number;
}

export interface Me {
  shopperId: string;
  currency: string;
  shopName: string;
}

export { Category, CurrencyCode, Money, ProductAttributes };
