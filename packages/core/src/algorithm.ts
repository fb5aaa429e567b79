/*
 * The two ZSD algorithms the engine implements, declared once: `current` (the 2008 design of the
 * seed changeset, spec 2) and `legacy` (the pre-2008 design, spec 5.1).
 */

export const ALGORITHMS = ['current', 'legacy'] as const;

export type Algorithm = (typeof ALGORITHMS)[number];
