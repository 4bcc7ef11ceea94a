// Schemas of dyad's dictionary files (data/README.md describes them for editors).
// Strict: an unknown key is an error, so a typo never silently drops an entry.
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
/** A CAMEO-style actor code: blocks of three capital letters or digits. */
export const actorCode = z.string().regex(/^([A-Z0-9]{3})+$/, 'expected an actor code of three-letter blocks (CHNLEG)');
const names = z.array(z.string().min(1)).default([]);

export const countrySchema = z.strictObject({
  code: z.string().regex(/^[A-Z]{3}$/, 'expected ISO 3166-1 alpha-3'),
  iso2: z.string().regex(/^[A-Z]{2}$/, 'expected ISO 3166-1 alpha-2'),
  name: z.string().min(1),
  aliases: names,
  adjectives: names,
  demonyms: names,
  capital: z.string().min(1).nullable().default(null),
  capital_aliases: names,
  cities: names,
});

export const organisationSchema = z.strictObject({
  code: actorCode,
  name: z.string().min(1),
  aliases: names,
  kind: z.enum(['IGO', 'NGO', 'MNC', 'REB', 'PTY', 'OTHER']),
  country: z.string().regex(/^[A-Z]{3}$/).nullable().default(null),
});

export const institutionSchema = z.strictObject({
  code: actorCode,
  names: z.array(z.string().min(1)).min(1),
});

export const roleSchema = z.strictObject({
  code: z.string().regex(/^([A-Z]{3})+$/, 'expected sector codes of three capital letters'),
  /** The code goes before the actor's instead of after it (`MSF Arnor` -> NGOARN). */
  prefix: z.boolean().default(false),
  words: z.array(z.string().min(1)).min(1),
});

/** A name that stands for several actors at once (`the Baltic states`): a compound actor, one event per code. */
export const groupSchema = z.strictObject({
  name: z.string().min(1),
  aliases: names,
  codes: z.array(actorCode).min(2, 'a group has at least two codes'),
});

/** An ethnic or religious community living in one or more countries (`Kurds`, `Karen`): coded by where they live. */
export const ethnicSchema = z.strictObject({
  name: z.string().min(1),
  adjectives: names,
  demonyms: names,
  countries: z.array(z.string().regex(/^[A-Z]{3}$/, 'expected an ISO alpha-3 country code')).min(1),
});

export const personRoleSchema = z.strictObject({
  code: actorCode,
  title: z.string().min(1).optional(),
  from: isoDate.nullable().optional(),
  to: isoDate.nullable().optional(),
});

export const personSchema = z.strictObject({
  name: z.string().min(1),
  aliases: names,
  roles: z.array(personRoleSchema).min(1),
});

/** A topic (data/topics/*.yaml): phrases that mark an issue, and the PLOVER contexts the issue implies. */
export const topicSchema = z.strictObject({
  id: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'expected an id of capital letters, digits and _ (BRI, HUMAN_RIGHTS)'),
  label: z.string().min(1),
  contexts: z.array(z.string()).default([]),
  phrases: z.array(z.string()).min(1),
  except: z.array(z.string()).default([]),
});

export const countryFile = z.array(countrySchema);
export const organisationFile = z.array(organisationSchema);
export const institutionFile = z.array(institutionSchema);
export const roleFile = z.array(roleSchema);
export const personFile = z.array(personSchema);
export const groupFile = z.array(groupSchema);
export const ethnicFile = z.array(ethnicSchema);
export const topicFile = z.array(topicSchema);

export type CountryEntry = z.infer<typeof countrySchema>;
export type OrganisationEntry = z.infer<typeof organisationSchema>;
export type InstitutionEntry = z.infer<typeof institutionSchema>;
export type RoleEntry = z.infer<typeof roleSchema>;
export type PersonEntry = z.infer<typeof personSchema>;
export type GroupEntry = z.infer<typeof groupSchema>;
export type PersonRole = z.infer<typeof personRoleSchema>;
export type TopicEntry = z.infer<typeof topicSchema>;
