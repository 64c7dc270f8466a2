/**
 * What the sample EPO types into West Lancashire's report in tests/e2e/term-report.test.ts, and
 * what the store must then hold. The stored form is written out by hand (not computed with the
 * product's parser) so the test checks the parser too: "•" and "-" bullets become items, a
 * single line becomes prose, a non-breaking space becomes a plain space.
 */
import type { CarryForwardOutcome, SectionName, SectionText } from '../../src/domain/model';
import { SAMPLE_LOCALITY_IDS } from '../../src/sample/sample-organisation';
import { WEST_LANCASHIRE_HISTORY } from '../../src/sample/sample-history';

/** One section card: what is typed into its box and how it must be stored. */
export interface TypedSection {
  readonly section: SectionName;
  readonly typed: string;
  /** For "priority", the stored title as a one-paragraph prose section. */
  readonly stored: SectionText;
}

/** One priority worked through all six cards. */
export interface TypedPriority {
  /** The stored priority's id, or undefined for one added with "Add a new priority". */
  readonly priorityId?: string;
  /** The title shown on the report card before the EPO starts. */
  readonly shownTitle?: string;
  /** How each of last term's planned items went, in the card's order, as the choices are titled. */
  readonly carryForward: ReadonlyArray<{ readonly item: string; readonly outcome: CarryForwardOutcome; readonly choice: string }>;
  readonly sections: readonly TypedSection[];
}

const items = (...lines: string[]): SectionText => ({ kind: 'items', items: lines });
const prose = (...paragraphs: string[]): SectionText => ({ kind: 'prose', paragraphs });

const CHOICE_TITLES: Record<CarryForwardOutcome, string> = {
  done: 'Done',
  'partly done': 'Partly done',
  'not done': 'Not done',
  'carried forward': 'Carried forward',
};

function marks(planned: SectionText, outcomes: readonly CarryForwardOutcome[]): TypedPriority['carryForward'] {
  const lines = planned.kind === 'items' ? planned.items : planned.paragraphs;
  if (lines.length !== outcomes.length) throw new Error(`last term planned ${lines.length} items; the script marks ${outcomes.length}`);
  return lines.map((item, index) => ({ item, outcome: outcomes[index], choice: CHOICE_TITLES[outcomes[index]] }));
}

const [networks, neet] = WEST_LANCASHIRE_HISTORY;

export const LOCALITY_ID = SAMPLE_LOCALITY_IDS.westLancashire;
export const LOCALITY_NAME = 'West Lancashire';

/** The existing priority filled first, with the carry-forward checklist. */
export const SCHOOL_NETWORKS: TypedPriority = {
  priorityId: networks.id,
  shownTitle: networks.title,
  carryForward: marks(networks.plannedActivityNextPeriod, ['done', 'partly done', 'carried forward', 'done']),
  sections: [
    {
      section: 'priority',
      typed: 'Support school-to-school networks in West Lancs, specifically for small and rural schools in the northern parishes.',
      stored: prose('Support school-to-school networks in West Lancs, specifically for small and rural schools in the northern parishes.'),
    },
    {
      section: 'intendedOutcomes',
      typed: [
        '• To strengthen school to school support for the small and rural schools of the TARDIS cluster.',
        '• To improve access to local knowledge, funding and CVFS organisations.',
        '• To give the network a way to raise challenges with the TASS Locality Group.',
      ].join('\n'),
      stored: items(
        'To strengthen school to school support for the small and rural schools of the TARDIS cluster.',
        'To improve access to local knowledge, funding and CVFS organisations.',
        'To give the network a way to raise challenges with the TASS Locality Group.',
      ),
    },
    {
      section: 'activityLastPeriod',
      typed: [
        '- Network meeting held on 14\u00a0January, attended by head teachers from the TARDIS cluster, CFW and the neighbourhood police team.',
        '- Secondary rep from Tarleton Academy presented the Year 6 to Year 7 transition plan.',
        '- Baby clinic at Hesketh Bank now runs fortnightly.',
      ].join('\n'),
      stored: items(
        'Network meeting held on 14 January, attended by head teachers from the TARDIS cluster, CFW and the neighbourhood police team.',
        'Secondary rep from Tarleton Academy presented the Year 6 to Year 7 transition plan.',
        'Baby clinic at Hesketh Bank now runs fortnightly.',
      ),
    },
    {
      section: 'plannedActivityNextPeriod',
      typed: [
        'Community reps to attend the March meeting.',
        'Subgroup on transition to meet before Easter.',
        'EPO to share the meeting dates for next academic year.',
      ].join('\n'),
      stored: items(
        'Community reps to attend the March meeting.',
        'Subgroup on transition to meet before Easter.',
        'EPO to share the meeting dates for next academic year.',
      ),
    },
    {
      section: 'impactSoFar',
      typed: '9 schools now attend the network regularly and head teachers report quicker access to early help through the Family Hub.',
      stored: prose('9 schools now attend the network regularly and head teachers report quicker access to early help through the Family Hub.'),
    },
    {
      section: 'exitStrategy',
      typed: 'The TARDIS cluster lead will chair the network from the summer term, with the EPO attending termly.',
      stored: prose('The TARDIS cluster lead will chair the network from the summer term, with the EPO attending termly.'),
    },
  ],
};

/** The second existing priority: the report cannot be submitted until it is written too. */
export const NEET_PATHWAYS: TypedPriority = {
  priorityId: neet.id,
  shownTitle: neet.title,
  carryForward: marks(neet.plannedActivityNextPeriod, ['done', 'not done', 'partly done', 'carried forward', 'done']),
  sections: [
    { section: 'priority', typed: neet.title, stored: prose(neet.title) },
    {
      section: 'intendedOutcomes',
      typed: 'To develop a pathway of support, advice and guidance for young people in West Lancs who are NEET or at risk of becoming NEET.',
      stored: prose('To develop a pathway of support, advice and guidance for young people in West Lancs who are NEET or at risk of becoming NEET.'),
    },
    {
      section: 'activityLastPeriod',
      typed: ['• Careers event held at West Lancs College with 6 secondary careers leads.', '• NEET data shared with the locality group.'].join('\n'),
      stored: items('Careers event held at West Lancs College with 6 secondary careers leads.', 'NEET data shared with the locality group.'),
    },
    {
      section: 'plannedActivityNextPeriod',
      typed: ['• Align the work with the NEET drop-in at The Zone.', '• Link the NEST team into the TARDIS network.'].join('\n'),
      stored: items('Align the work with the NEET drop-in at The Zone.', 'Link the NEST team into the TARDIS network.'),
    },
    {
      section: 'impactSoFar',
      typed: '14 young people were referred to the NEST team after the careers event.',
      stored: prose('14 young people were referred to the NEST team after the careers event.'),
    },
    {
      section: 'exitStrategy',
      typed: 'The Post 16 lead and the NEST team will hold the pathway once it is agreed at the summer locality group.',
      stored: prose('The Post 16 lead and the NEST team will hold the pathway once it is agreed at the summer locality group.'),
    },
  ],
};

/** Added with "Add a new priority": no history, so no checklist and nothing carried over. */
export const NEW_PRIORITY: TypedPriority = {
  carryForward: [],
  sections: [
    {
      section: 'priority',
      typed: 'Improve attendance of children with SEND in Ormskirk primary schools.',
      stored: prose('Improve attendance of children with SEND in Ormskirk primary schools.'),
    },
    {
      section: 'intendedOutcomes',
      typed: ['To agree a shared attendance approach with the SENCO network.', 'To reduce persistent absence of children with SEND.'].join('\n'),
      stored: items('To agree a shared attendance approach with the SENCO network.', 'To reduce persistent absence of children with SEND.'),
    },
    {
      section: 'activityLastPeriod',
      typed: 'SENCO network meeting held in February with the LCC attendance team and the Inclusion Hub.',
      stored: prose('SENCO network meeting held in February with the LCC attendance team and the Inclusion Hub.'),
    },
    {
      section: 'plannedActivityNextPeriod',
      typed: ['• Attendance lead to present the graduated response at the next SENCO network.', '• EPO to map the support on offer from the Inclusion Hub.'].join('\n'),
      stored: items('Attendance lead to present the graduated response at the next SENCO network.', 'EPO to map the support on offer from the Inclusion Hub.'),
    },
    {
      section: 'impactSoFar',
      typed: '5 primary schools have signed up to the shared approach.',
      stored: prose('5 primary schools have signed up to the shared approach.'),
    },
    {
      section: 'exitStrategy',
      typed: 'The SENCO network will own the approach from September, with the attendance team.',
      stored: prose('The SENCO network will own the approach from September, with the attendance team.'),
    },
  ],
};

/** The lines of a stored section, as they should read on screen and in the document. */
export function linesOf(text: SectionText): readonly string[] {
  return text.kind === 'items' ? text.items : text.paragraphs;
}

/** The title the priority has once its Priority card is saved. */
export function titleOf(priority: TypedPriority): string {
  return linesOf(priority.sections[0].stored).join(' ');
}
