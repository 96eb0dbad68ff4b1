/**
 * Text people type (display names, chat): a lone UTF-16 surrogate cannot be stored (PostgreSQL
 * refuses it, which answered INTERNAL), and bidirectional overrides let a name disguise itself
 * or reorder the chat line around it, so both are refused or removed at the boundary.
 */
import { z } from 'zod';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Embeddings, overrides, isolates and marks that change the visual order of text.
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// C0/C1 controls except tab and newline.
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

const wellFormed = (s: string): boolean => !LONE_SURROGATE.test(s);

/** A display name: bidi controls removed, trimmed, 1..max characters, no control characters. */
export const displayName = (max: number) =>
  z
    .string()
    .max(max * 4)
    .refine(wellFormed, 'a name with a broken character (a lone UTF-16 surrogate)')
    .transform((s) => s.replace(BIDI_CONTROLS, '').trim())
    .pipe(z.string().min(1).max(max).refine((s) => !CONTROLS.test(s), 'a name without control characters'));

/** A chat message: trimmed, 1..max characters, well-formed, no control characters but newlines and tabs. */
export const messageText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine(wellFormed, 'text with a broken character (a lone UTF-16 surrogate)')
    .refine((s) => !CONTROLS.test(s), 'text without control characters');
