import { z } from 'zod';

/**
 * The knowledge-base source format (documented in dictionaries/README.md).
 * Every file under dictionaries/kb/ is JSON Lines: one entry per line, validated by
 * these schemas. Dates are YYYY-MM-DD (or YYYY-MM / YYYY where only that is known);
 * an open end is null or absent, never invented.
 */

const isoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'date must be YYYY, YYYY-MM or YYYY-MM-DD');

/** CAMEO actor code: 3-letter root then zero or more 3-letter sectors (IRN, IRNGOV, IGOUNO, USAMILGOV). */
export const actorCode = z
  .string()
  .regex(/^([A-Z]{3})+$/, 'CAMEO actor code: groups of 3 capitals');

/** A code that holds between two dates (either end open). */
export const datedCode = z
  .object({
    code: actorCode,
    from: isoDate.nullable().optional(),
    until: isoDate.nullable().optional(),
    /** The office or title held, e.g. "President", "Minister of Foreign Affairs". */
    title: z.string().min(1).optional(),
    /** Where the fact comes from when it is not common knowledge, or "unsure". */
    source: z.string().optional(),
  })
  .strict();

const base = {
  /** Stable id: Wikidata QID where known for certain, else `entente:<type>:<slug>`. */
  id: z.string().regex(/^(Q\d+|entente:[a-z]+:[a-z0-9-]+)$/),
  /** Canonical display name. */
  name: z.string().min(1),
  /** Other names as they appear in news, matched case-sensitively unless all lower case. */
  aliases: z.array(z.string().min(1)).default([]),
  wikidata: z
    .string()
    .regex(/^Q\d+$/)
    .optional(),
  source: z.string().optional(),
  note: z.string().optional(),
};

export const stateEntry = z
  .object({
    ...base,
    type: z.enum(['COUNTRY', 'TERRITORY', 'HISTORIC_STATE']),
    /** CAMEO country code (IRN, RUS, PSE, USR ...). */
    code: actorCode,
    iso2: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    iso3: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
    /** Adjectives and nouns for people: Iranian, Iranians. */
    demonyms: z.array(z.string().min(1)).default([]),
    capital: z.string().min(1).nullable(),
    /** Names that stand for the government (metonymy): capital, Kremlin, White House. */
    seats: z.array(z.string().min(1)).default([]),
    /** Existence interval for historic states and successor-sensitive codes. */
    from: isoDate.nullable().optional(),
    until: isoDate.nullable().optional(),
    /** Region codes this state belongs to (CAMEO regions, e.g. MEA, EUR, ASA). */
    regions: z.array(actorCode).default([]),
  })
  .strict();

export const organisationEntry = z
  .object({
    ...base,
    type: z.enum(['IGO', 'NGO', 'GROUP', 'PARTY', 'MNC', 'MEDIA']),
    /** Codes, possibly date-bounded (a party in government, a group that changed code). */
    codes: z.array(datedCode).min(1),
    /** Country the organisation belongs to, where it has one. */
    country: actorCode.nullable().optional(),
  })
  .strict();

export const regionEntry = z
  .object({
    ...base,
    type: z.literal('REGION'),
    /** CAMEO region code where CAMEO has one (WST, MEA, EUR ...), else null. */
    code: actorCode.nullable(),
    demonyms: z.array(z.string().min(1)).default([]),
  })
  .strict();

export const aliasEntry = z
  .object({
    ...base,
    type: z.literal('ALIAS'),
    /** The actor code the phrase stands for ("Zionist regime" -> ISR). */
    code: actorCode,
  })
  .strict();

/** A role noun mapped to a CAMEO sector: "president" -> GOV, "troops" -> MIL. */
export const roleEntry = z
  .object({
    id: z.string().regex(/^entente:role:[a-z0-9-]+$/),
    type: z.literal('ROLE'),
    /** Lower-case singular and plural forms as they appear in text. */
    terms: z.array(z.string().min(1)).min(1),
    sector: z.string().regex(/^[A-Z]{3}$/),
    /** True when the noun names a single head-of-office that has a holder ("president"). */
    office: z.boolean().default(false),
    note: z.string().optional(),
  })
  .strict();

export const personEntry = z
  .object({
    ...base,
    type: z.literal('PERSON'),
    /** Country of citizenship for coding ELI after roles end. */
    country: actorCode.nullable(),
    born: isoDate.nullable().optional(),
    died: isoDate.nullable().optional(),
    roles: z.array(datedCode).default([]),
  })
  .strict();

export const kbEntry = z.discriminatedUnion('type', [
  stateEntry,
  organisationEntry,
  regionEntry,
  aliasEntry,
  roleEntry,
  personEntry,
]);

export type KbEntry = z.infer<typeof kbEntry>;
export type StateEntry = z.infer<typeof stateEntry>;
export type PersonEntry = z.infer<typeof personEntry>;
export type OrganisationEntry = z.infer<typeof organisationEntry>;
export type RoleEntry = z.infer<typeof roleEntry>;
