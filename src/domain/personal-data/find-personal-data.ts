/**
 * The personal-data guard: every finder run over one piece of text, overlaps resolved so each
 * stretch of text is reported once, in reading order.
 */
import { findEmails, findPhoneNumbers, findPostcodes } from './contact-details';
import { findDatesOfBirth } from './dates-of-birth';
import type { SectionText } from '../model';
import { sectionLines } from '../section-text';
import type { PersonalDataContext, PersonalDataFinding, PersonalDataKind } from './finding';
import { findNhsNumbers, findUpns } from './identifiers';
import { findNamedChildren } from './named-people';

/** When two findings overlap, the kind listed first is kept: the more certain detector wins. */
const PRECEDENCE: readonly PersonalDataKind[] = [
  'upn',
  'nhs-number',
  'email',
  'phone',
  'postcode',
  'date-of-birth',
  'named-child',
];

/**
 * Finds text that could identify a child or family: UPNs, NHS numbers, dates of birth,
 * postcodes, phone numbers, emails outside the allowed domains, and names next to words for a
 * child or relative. Returns findings in reading order, never overlapping.
 */
export function findPersonalData(text: string, context: PersonalDataContext): PersonalDataFinding[] {
  const referenceYear = context.referenceYear ?? new Date().getUTCFullYear();
  const all = [
    ...findUpns(text),
    ...findNhsNumbers(text),
    ...findEmails(text, context.allowedEmailDomains),
    ...findPhoneNumbers(text),
    ...findPostcodes(text),
    ...findDatesOfBirth(text, referenceYear),
    ...findNamedChildren(text, {
      officerNames: context.officerNames,
      knownOrganisations: context.knownOrganisations ?? [],
    }),
  ];
  const ranked = [...all].sort(
    (a, b) => PRECEDENCE.indexOf(a.kind) - PRECEDENCE.indexOf(b.kind) || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: PersonalDataFinding[] = [];
  for (const finding of ranked) {
    if (!kept.some((other) => finding.start < other.end && other.start < finding.end)) kept.push(finding);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** The distinct kinds among the findings, in the guard's order; what a confirmation records. */
export function findingKinds(findings: readonly PersonalDataFinding[]): PersonalDataKind[] {
  return PRECEDENCE.filter((kind) => findings.some((finding) => finding.kind === kind));
}

/** The findings in one item or paragraph of a section; `index` is its position in the section. */
export interface LineFindings {
  readonly index: number;
  readonly text: string;
  readonly findings: readonly PersonalDataFinding[];
}

/**
 * Checks a section line by line, so a card can show each flagged item or paragraph highlighted
 * on its own. Lines with nothing found are left out.
 */
export function findPersonalDataInSection(section: SectionText, context: PersonalDataContext): LineFindings[] {
  return sectionLines(section)
    .map((text, index) => ({ index, text, findings: findPersonalData(text, context) }))
    .filter((line) => line.findings.length > 0);
}
