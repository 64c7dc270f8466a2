/** What good content looks like in each section, and the limits every save is checked against. */
import type { SectionName } from '../../domain/model';

/** One line shown on each section card, in the house language. */
export const SECTION_GUIDANCE: Record<SectionName, string> = {
  priority:
    'Name the priority in one sentence: what the locality will change, for whom and where, e.g. "Support school-to-school networks for small and rural schools in West Lancs".',
  intendedOutcomes:
    'Say what will be different for schools, children and families if this works: one outcome per line, each starting "To …" and specific enough to check later.',
  activityLastPeriod:
    'Say what actually happened this term: meetings held and who attended, training delivered, referrals and resources shared, with dates and numbers where you have them.',
  plannedActivityNextPeriod:
    'List the concrete next steps for next term: who will do what, with which partners, and by when. These come back to you next term to mark as done or not.',
  impactSoFar:
    'Give the evidence of difference made: what schools, partners or families now do or say, with figures where you have them (e.g. "16 schools signed up").',
  exitStrategy:
    'Say how the work will carry on without the EPO leading it: who takes it over (e.g. the Locality Group or a cluster lead) and when.',
};

export const SECTION_PLACEHOLDERS: Record<SectionName, string> = {
  priority: 'The priority in one sentence',
  intendedOutcomes: 'To …',
  activityLastPeriod: 'Network meeting held in May with …',
  plannedActivityNextPeriod: 'Police rep to attend the next meeting …',
  impactSoFar: 'Schools report …',
  exitStrategy: 'The Locality Group will lead …',
};

/** The small hint under the text box: how what is typed becomes the report. */
const LIST_HINT = 'One item per line: each line becomes one bullet in the report.';
export const SECTION_INPUT_HINTS: Record<SectionName, string> = {
  priority: 'One line: the title is printed just as you write it under "Priority" in the report.',
  intendedOutcomes: LIST_HINT,
  activityLastPeriod: LIST_HINT,
  plannedActivityNextPeriod: LIST_HINT,
  impactSoFar: LIST_HINT,
  exitStrategy: LIST_HINT,
};

/**
 * How tall the text box is drawn, label included. Input.Text has no "rows": a multi-line box is
 * about four lines high unless it stretches (height "stretch") into a Container's minHeight,
 * which Adaptive Cards 1.2+ renderers honour and others ignore, leaving the usual box.
 */
export const SECTION_BOX_HEIGHTS: Record<SectionName, string> = {
  priority: '90px',
  intendedOutcomes: '240px',
  activityLastPeriod: '240px',
  plannedActivityNextPeriod: '240px',
  impactSoFar: '240px',
  exitStrategy: '240px',
};

/** The most characters a section may hold (the card's maxLength is only a hint; saves are checked). */
export const SECTION_MAX_LENGTH: Record<SectionName, number> = {
  priority: 500,
  intendedOutcomes: 4000,
  activityLastPeriod: 4000,
  plannedActivityNextPeriod: 4000,
  impactSoFar: 4000,
  exitStrategy: 4000,
};

/** The closing note of a closed or handed-over priority. */
export const CLOSING_NOTE_MAX_LENGTH = 1000;
