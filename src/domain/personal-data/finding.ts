/**
 * What the personal-data guard reports: a piece of text that could identify a child or family,
 * where it is, and why it was flagged. Reports are shared with partners, so an author either
 * removes what was found or confirms, with a reason, that it is fine to keep.
 */
import { z } from 'zod';

export const PERSONAL_DATA_KINDS = [
  'upn',
  'nhs-number',
  'date-of-birth',
  'postcode',
  'phone',
  'email',
  'named-child',
] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

/** One suspected piece of personal data. `start`/`end` index the checked text (end exclusive). */
export interface PersonalDataFinding {
  readonly kind: PersonalDataKind;
  /** The text as written, exactly `text.slice(start, end)`. */
  readonly match: string;
  readonly start: number;
  readonly end: number;
  /** Why it was flagged, in words an officer can act on. Never repeats the match itself. */
  readonly reason: string;
}

/** What the checker needs to know that the text alone cannot tell it. */
export interface PersonalDataContext {
  /** Names of officers (EPOs, managers) who may appear by name, e.g. "Claire Fox". */
  readonly officerNames: readonly string[];
  /** Email domains of the council and partners, e.g. "lancashire.gov.uk", "nhs.net"; subdomains count too. */
  readonly allowedEmailDomains: readonly string[];
  /** Organisations, places and programmes beyond the built-in list, e.g. "Positive Footsteps". */
  readonly knownOrganisations?: readonly string[];
  /**
   * The calendar year the report is written in, used to judge whether a bare date could be a
   * child's date of birth. Defaults to the current year.
   */
  readonly referenceYear?: number;
}

/**
 * An author's confirmation that flagged text is not personal data (or may be shared), kept with
 * the section it was given for.
 */
export interface PersonalDataConfirmation {
  readonly findingKinds: readonly PersonalDataKind[];
  readonly reason: string;
  /** Officer id. */
  readonly confirmedBy: string;
  /** ISO date-time. */
  readonly confirmedAt: string;
}

/** Validates a confirmation read back from storage or submitted from a card. */
export const personalDataConfirmationSchema = z.object({
  findingKinds: z.array(z.enum(PERSONAL_DATA_KINDS)).min(1),
  reason: z.string().trim().min(3).max(500),
  confirmedBy: z.string().min(1),
  confirmedAt: z.string().datetime({ offset: true }),
});

/** Builds a finding for `text[start, end)`. */
export function findingAt(
  text: string,
  kind: PersonalDataKind,
  start: number,
  end: number,
  reason: string,
): PersonalDataFinding {
  return { kind, match: text.slice(start, end), start, end, reason };
}
