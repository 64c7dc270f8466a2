/**
 * The guard applied to a priority update's sections: which flagged text still needs the author
 * to edit it or confirm it, before a section is saved and again before the report is submitted.
 * A confirmation covers the flagged words that were shown when it was given; once the text
 * gains something new to flag, that confirmation no longer covers it.
 */
import { z } from 'zod';
import { SECTION_NAMES, type PriorityUpdate, type SectionName, type SectionText } from '../model';
import { findPersonalDataInSection, findingKinds, type LineFindings } from './find-personal-data';
import { personalDataConfirmationSchema, type PersonalDataConfirmation, type PersonalDataContext } from './finding';

/** The confirmations of one update, keyed by section; validates what storage gives back. */
export const sectionConfirmationsSchema = z
  .record(z.enum(SECTION_NAMES), personalDataConfirmationSchema)
  .transform((record): Partial<Record<SectionName, PersonalDataConfirmation>> => record);

/** A section's text as the guard reads it: the priority's title is one paragraph. */
export function sectionTextOf(update: Pick<PriorityUpdate, 'title' | Exclude<SectionName, 'priority'>>, section: SectionName): SectionText {
  return section === 'priority' ? { kind: 'prose', paragraphs: [update.title] } : update[section];
}

/** "named-child:jack smith", one per flagged stretch of text; what a confirmation was shown. */
function flaggedWords(lines: readonly LineFindings[]): Set<string> {
  return new Set(lines.flatMap((line) => line.findings.map((finding) => `${finding.kind}:${finding.match.toLowerCase()}`)));
}

/** What saving a section's new text means for its confirmation. */
export type SectionGuardDecision =
  /** Nothing found: save, and drop any confirmation, which no longer has anything to cover. */
  | { readonly outcome: 'clear' }
  /** Only what was already confirmed is found: save and keep the confirmation. */
  | { readonly outcome: 'keep'; readonly confirmation: PersonalDataConfirmation }
  /** Something unconfirmed is found: do not save until the author edits or confirms. */
  | { readonly outcome: 'confirm'; readonly lines: readonly LineFindings[] };

/**
 * Decides whether new text for a section can be saved as it is. `previous` is the stored text
 * the existing confirmation (if any) was given for.
 */
export function guardSection(
  text: SectionText,
  previous: { readonly text: SectionText; readonly confirmation?: PersonalDataConfirmation },
  context: PersonalDataContext,
): SectionGuardDecision {
  const lines = findPersonalDataInSection(text, context);
  if (lines.length === 0) return { outcome: 'clear' };
  const confirmation = previous.confirmation;
  if (!confirmation) return { outcome: 'confirm', lines };
  const confirmed = flaggedWords(findPersonalDataInSection(previous.text, context));
  const covered = [...flaggedWords(lines)].every((word) => confirmed.has(word));
  const kindsCovered = findingKinds(lines.flatMap((line) => line.findings)).every((kind) => confirmation.findingKinds.includes(kind));
  return covered && kindsCovered ? { outcome: 'keep', confirmation } : { outcome: 'confirm', lines };
}

/** Flagged text in one section of one update that no confirmation covers. */
export interface UnconfirmedSection {
  readonly section: SectionName;
  readonly lines: readonly LineFindings[];
}

/**
 * The sections of an update with findings that are not confirmed: none recorded, or one that
 * does not cover every kind now found (the text was changed outside the guarded save).
 */
export function unconfirmedSections(update: PriorityUpdate, context: PersonalDataContext): UnconfirmedSection[] {
  return SECTION_NAMES.flatMap((section) => {
    const lines = findPersonalDataInSection(sectionTextOf(update, section), context);
    if (lines.length === 0) return [];
    const confirmation = update.personalDataConfirmations?.[section];
    const kinds = findingKinds(lines.flatMap((line) => line.findings));
    const covered = confirmation !== undefined && kinds.every((kind) => confirmation.findingKinds.includes(kind));
    return covered ? [] : [{ section, lines }];
  });
}

/** The update with a section's confirmation set, or removed when `confirmation` is undefined. */
export function withSectionConfirmation(
  update: PriorityUpdate,
  section: SectionName,
  confirmation: PersonalDataConfirmation | undefined,
): PriorityUpdate {
  const { [section]: _dropped, ...others } = update.personalDataConfirmations ?? {};
  const next: Partial<Record<SectionName, PersonalDataConfirmation>> = confirmation ? { ...others, [section]: confirmation } : others;
  const { personalDataConfirmations: _previous, ...rest } = update;
  return Object.keys(next).length > 0 ? { ...rest, personalDataConfirmations: next } : rest;
}
