/** Report states for rendering the wizard's cards without a store: realistic text, two officers, two priorities. */
import type { PriorityUpdate, SectionName } from '../../src/domain/model';
import { termFromKey } from '../../src/domain/term';
import type { CardFrame } from '../../src/bot/report-wizard/card-context';
import type { PriorityInReport, ReportState } from '../../src/bot/report-wizard/report-state';
import { aLocality, anOfficer, anUpdate, aPriority, items, NEXT_TERM, prose, SAMPLE_TERM } from './builders';
import { DEFAULT_THEMES } from '../../src/domain/themes';

export const CLAIRE = anOfficer({ id: 'officer-claire-fox', name: 'Claire Fox', email: 'claire.fox@lancashire.gov.uk', aadObjectId: 'aad-claire' });
export const ALISON = anOfficer();

/** Spring's report of Central Lancs: the school-avoidance priority carried from Autumn, and a new one. */
export function aReportState(overrides: Partial<ReportState> = {}): ReportState {
  const avoidance = aPriority({ version: 3 });
  const previous = anUpdate({ term: SAMPLE_TERM, version: 4 });
  const thisTerm: PriorityUpdate = anUpdate({
    term: NEXT_TERM,
    activityLastPeriod: items('Follow-up meeting held with PMHW and CAMHS on 14 January.'),
    carryForward: [{ item: 'Follow up with PMHW/ CAMHs planned.', outcome: 'done' }],
    sectionsDone: ['priority', 'intendedOutcomes'],
    version: 2,
  });
  const transition = aPriority({
    id: 'central-transition',
    title: 'Transition from primary to secondary for children with SEND in Chorley',
    openedTerm: NEXT_TERM,
    order: 2,
    version: 1,
  });
  const transitionUpdate = anUpdate({
    priorityId: 'central-transition',
    term: NEXT_TERM,
    title: transition.title,
    intendedOutcomes: items('To agree one transition passport used by every Chorley primary school.'),
    activityLastPeriod: items(),
    plannedActivityNextPeriod: items(),
    impactSoFar: items(),
    exitStrategy: prose(''),
    carryForward: [],
    sectionsDone: ['priority'],
    version: 1,
  });
  const priorities: PriorityInReport[] = [
    { priority: avoidance, update: thisTerm, stored: true, previous },
    { priority: transition, update: transitionUpdate, stored: true },
  ];
  return {
    locality: aLocality(),
    term: termFromKey(NEXT_TERM),
    termKey: NEXT_TERM,
    officers: [CLAIRE, ALISON],
    priorities,
    organisation: { localities: [aLocality()], officers: [CLAIRE, ALISON] },
    ...overrides,
  };
}

export function aFrame(state: ReportState = aReportState()): CardFrame {
  return { state, userIds: ['29:claire', '29:alison'], themes: DEFAULT_THEMES };
}

/** A section of `length` characters of text that needs escaping everywhere (the worst case for size). */
export function longestText(length: number, lines = 20): string {
  const perLine = Math.floor(length / lines);
  return Array.from({ length: lines }, (_, i) => `${i}. **[x](http://e.g/)** `.padEnd(perLine, '*_[]')).join('\n');
}

/** Every section of an update filled to `length` characters. */
export function fullUpdate(update: PriorityUpdate, length: number): PriorityUpdate {
  const text = { kind: 'items' as const, items: longestText(length).split('\n') };
  return { ...update, title: longestText(500, 1), intendedOutcomes: text, activityLastPeriod: text, plannedActivityNextPeriod: text, impactSoFar: text, exitStrategy: text };
}

export type { SectionName };
