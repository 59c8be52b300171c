/**
 * `guards`: expect-style assertions over message classes, saved in the design and checked by
 * `mailflow check` with the scenarios ("every on-premises server → any recipient of Fabrikam:
 * delivered in Fabrikam"). document-format.md, "Guards".
 *
 * A factory, so the document schema passes in its own field schemas (ids, domains, the lists of
 * results and dispositions) and both stay one description of the format without a circular import.
 */
import { z } from 'zod';

type Values = readonly [string, ...string[]];

export interface GuardFieldSchemas<R extends Values, D extends Values, O extends Values> {
  id: z.ZodString;
  domain: z.ZodString;
  text: z.ZodString;
  results: R;
  dispositions: D;
  roles: O;
}

export function guardsSchema<R extends Values, D extends Values, O extends Values>(f: GuardFieldSchemas<R, D, O>) {
  const guard = z.strictObject({
    id: f.id,
    name: f.text,
    /** Which sources: listed servers and/or servers of a role; absent = every source. */
    from: z.strictObject({ servers: z.array(f.id).max(10_000).optional(), role: z.enum(f.roles).optional() }).optional(),
    /** Which sender classes: domains, "external", "<>", or the accepted domains of one tenant; absent = every sender. */
    senders: z
      .strictObject({
        domains: z.array(z.union([f.domain, z.literal('external'), z.literal('<>')])).max(10_000).optional(),
        tenant: f.id.optional(),
      })
      .optional(),
    /**
     * Which recipient classes: every recipient in one tenant, in listed domains, or on the Internet;
     * `known: true` only existing recipients, `false` only unknown ones; absent = every class.
     */
    to: z
      .strictObject({ tenant: f.id.optional(), domains: z.array(f.domain).max(10_000).optional(), internet: z.boolean().optional(), known: z.boolean().optional() })
      .optional(),
    /** What must hold in every matched cell. */
    expect: z
      .strictObject({
        result: z.enum(f.results).optional(),
        code: z.string().regex(/^[245]\.\d{1,3}\.\d{1,3}$/, 'expected an enhanced status code such as 5.7.64').optional(),
        attributedTenant: f.id.nullable().optional(),
        disposition: z.enum(f.dispositions).optional(),
        tenant: f.id.nullable().optional(),
        unstable: z.boolean().optional(),
      })
      .refine((e) => Object.keys(e).length > 0, 'expected at least one expectation'),
  });
  return z.array(guard).max(10_000);
}

export type { Guard } from '../model/schema';
