/**
 * Realistic entities for tests, with text in the style of real TASS reports. Each builder takes
 * overrides, so a test states only what it cares about.
 */
import type {
  CampaignDelivery,
  ConversationLink,
  CoverAssignment,
  Locality,
  LocalityReport,
  Officer,
  Priority,
  PriorityUpdate,
  ReportEvent,
  SectionText,
} from '../../src/domain/model';
import type { PersonalDataConfirmation } from '../../src/domain/personal-data';

export const items = (...lines: string[]): SectionText => ({ kind: 'items', items: lines });
export const prose = (...paragraphs: string[]): SectionText => ({ kind: 'prose', paragraphs });

export const SAMPLE_TERM = '2024-25-autumn';
export const NEXT_TERM = '2024-25-spring';

export function aLocality(overrides: Partial<Locality> = {}): Locality {
  return { id: 'central-lancs', name: 'Central Lancs', order: 2, ...overrides };
}

export function anOfficer(overrides: Partial<Officer> = {}): Officer {
  return {
    id: 'officer-alison-walsh',
    name: 'Alison Walsh',
    email: 'alison.walsh@lancashire.gov.uk',
    aadObjectId: '3f2b8c1e-5d4a-4e6f-9a7b-2c1d0e9f8a71',
    roles: ['epo'],
    localityIds: ['central-lancs'],
    ...overrides,
  };
}

export function aPriority(overrides: Partial<Priority> = {}): Priority {
  return {
    id: 'central-school-avoidance',
    localityId: 'central-lancs',
    title:
      'School Avoidance- what support is available for schools when working with children and families experiencing anxiety when attending school, resulting in poor attendance.',
    intendedOutcomes: items(
      'Ongoing work is needed to support schools with the available mental health and emotional wellbeing support across Chorley and South Ribble',
      'The Central Lancs TASS work will link in with the county wide work looking at this.',
      'Local needs can be addressed through the TASS partnership and linked to the Trauma Informed work.',
    ),
    exitStrategy: prose(
      "Schools will feel supported in the mental health offer, they will know what's available to them across the district, who to refer to and when.",
      'Targeted support for those who are the MH lead in schools will be available through the MH partners.',
    ),
    themes: ['attendance', 'mental health'],
    status: 'active',
    openedTerm: '2023-24-summer',
    order: 1,
    version: 0,
    ...overrides,
  };
}

export function anUpdate(overrides: Partial<PriorityUpdate> = {}): PriorityUpdate {
  return {
    priorityId: 'central-school-avoidance',
    localityId: 'central-lancs',
    term: SAMPLE_TERM,
    title: 'School Avoidance- what support is available for schools',
    intendedOutcomes: items('The Central Lancs TASS work will link in with the county wide work looking at this.'),
    activityLastPeriod: items(
      'Discussions with LCC Attendance team around the implementation of a more permanent School Avoidance Panel across Chorley and South Ribble',
      "Meeting with Barnardo's took place looking at the offer for schools.",
      'Schools encouraged to attend the Senior Mental Health Lead (SMHL) network facilitated by Compass Bloom.',
    ),
    plannedActivityNextPeriod: items(
      'Follow up with PMHW/ CAMHs planned.',
      'Handover of the school avoidance work to LCC Attendance Team.',
      'School avoidance panel meeting to be held with more school and key partners.',
    ),
    impactSoFar: items(
      '8 high schools attended the first panel meeting (4/11/24), 6 external partners and discussion around 8 young people.',
      'Commitment from Compass Bloom to coordinate and facilitate the SMHL network.',
    ),
    exitStrategy: prose('The MH pathways document will be in place for all schools.'),
    carryForward: [
      { item: 'Invitation extended to all Chorley and South Ribble secondary schools', outcome: 'done' },
      { item: 'Meeting with Lancashire Mind', outcome: 'carried forward' },
    ],
    sectionsDone: ['priority', 'intendedOutcomes', 'activityLastPeriod'],
    rag: 'on track',
    figures: [
      { value: 8, counts: 'high schools attended the first panel meeting' },
      { value: 6, counts: 'external partners' },
    ],
    updatedBy: 'officer-alison-walsh',
    updatedAt: '2024-10-21T14:05:00.000Z',
    version: 0,
    ...overrides,
  };
}

/** An author's reason for keeping flagged text, as the section card records it. */
export function aPersonalDataConfirmation(overrides: Partial<PersonalDataConfirmation> = {}): PersonalDataConfirmation {
  return {
    findingKinds: ['named-child'],
    reason: 'Jack Smith is the chair of governors at St Mary\'s, not a pupil.',
    confirmedBy: 'officer-alison-walsh',
    confirmedAt: '2024-10-21T14:04:30.000Z',
    ...overrides,
  };
}

export function aReport(overrides: Partial<LocalityReport> = {}): LocalityReport {
  return {
    localityId: 'central-lancs',
    term: SAMPLE_TERM,
    officerIds: ['officer-claire-fox', 'officer-alison-walsh'],
    status: 'submitted',
    submittedBy: 'officer-alison-walsh',
    submittedAt: '2024-10-24T16:30:00.000Z',
    approval: 'returned',
    returnComment: 'Please add the figures for the panel meeting & the partners\' names.',
    documentUrl: 'https://lancashire.sharepoint.com/sites/tass/Reports/Central%20Lancs%20-%20Autumn%202024.docx',
    version: 0,
    ...overrides,
  };
}

export function anEvent(overrides: Partial<ReportEvent> = {}): ReportEvent {
  return {
    localityId: 'central-lancs',
    term: SAMPLE_TERM,
    kind: 'submitted',
    by: 'officer-alison-walsh',
    at: '2024-10-24T16:30:00.000Z',
    ...overrides,
  };
}

export function aConversationLink(overrides: Partial<ConversationLink> = {}): ConversationLink {
  return {
    officerId: 'officer-alison-walsh',
    reference: {
      activityId: 'f:1234567890',
      user: { id: '29:1abc', aadObjectId: '3f2b8c1e-5d4a-4e6f-9a7b-2c1d0e9f8a71', name: 'Alison Walsh' },
      bot: { id: '28:bot-app-id', name: 'TASS' },
      conversation: { id: 'a:1xyz', conversationType: 'personal', tenantId: '9d1c3a57-0000-4000-8000-000000000001' },
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/uk/',
    },
    updatedAt: '2024-10-01T09:00:00.000Z',
    ...overrides,
  };
}

export function aDelivery(overrides: Partial<CampaignDelivery> = {}): CampaignDelivery {
  return {
    term: SAMPLE_TERM,
    localityId: 'central-lancs',
    officerId: 'officer-alison-walsh',
    kind: 'prompt',
    status: 'sent',
    attempts: 1,
    sentAt: '2024-10-07T08:00:00.000Z',
    ...overrides,
  };
}

export function aCover(overrides: Partial<CoverAssignment> = {}): CoverAssignment {
  return {
    id: 'cover-1',
    localityId: 'central-lancs',
    coverOfficerId: 'officer-claire-fox',
    absentOfficerId: 'officer-alison-walsh',
    from: '2024-10-01',
    to: '2024-10-31',
    assignedBy: 'officer-helen-brooks',
    ...overrides,
  };
}
