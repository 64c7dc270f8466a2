/**
 * A small, realistic organisation for `npm start`, demos and tests: four localities, the EPOs
 * who serve them (Claire Fox and Alison Walsh share Central Lancs), two managers, a partner and
 * an admin, and last term's submitted reports, so this term opens with last term's planned
 * activity to carry forward. Lancaster has no history: its EPO starts from an empty report.
 * Seeding is idempotent: what already exists is left as it is.
 */
import type { Locality, LocalityReport, Officer, Priority, PriorityUpdate, Role } from '../domain/model';
import { SECTION_NAMES } from '../domain/model';
import { compareTerms, type Term, type TermKey } from '../domain/term';
import type { TermCalendar } from '../domain/term-calendar';
import { ConflictError } from '../store/errors';
import type { ReportStore } from '../store/report-store';
import {
  CENTRAL_LANCS_HISTORY,
  PRESTON_HISTORY,
  WEST_LANCASHIRE_HISTORY,
  type SamplePriorityHistory,
} from './sample-history';

export const SAMPLE_LOCALITY_IDS = {
  westLancashire: 'west-lancashire',
  centralLancs: 'central-lancs',
  preston: 'preston',
  lancaster: 'lancaster',
} as const;

export const SAMPLE_OFFICER_IDS = {
  claireFox: 'officer-claire-fox',
  alisonWalsh: 'officer-alison-walsh',
  rachelHughes: 'officer-rachel-hughes',
  helenBrooks: 'officer-helen-brooks',
  davidAshworth: 'officer-david-ashworth',
  samPatel: 'officer-sam-patel',
  joKershaw: 'officer-jo-kershaw',
} as const;

const L = SAMPLE_LOCALITY_IDS;
const O = SAMPLE_OFFICER_IDS;

export const SAMPLE_LOCALITIES: readonly Locality[] = [
  { id: L.westLancashire, name: 'West Lancashire', order: 1 },
  { id: L.centralLancs, name: 'Central Lancs', order: 2 },
  { id: L.preston, name: 'Preston', order: 3 },
  { id: L.lancaster, name: 'Lancaster', order: 4 },
];

/** Fake but stable Entra object ids, so a test or the local playground can act as any of them. */
export const SAMPLE_OFFICERS: readonly Officer[] = [
  officer(O.claireFox, 'Claire Fox', '0f5c2a9e-6b1d-4c8e-9a3f-1d2e3f4a5b01', ['epo'], [L.westLancashire, L.centralLancs]),
  officer(O.alisonWalsh, 'Alison Walsh', '0f5c2a9e-6b1d-4c8e-9a3f-1d2e3f4a5b02', ['epo'], [L.centralLancs, L.preston]),
  officer(O.rachelHughes, 'Rachel Hughes', '0f5c2a9e-6b1d-4c8e-9a3f-1d2e3f4a5b03', ['epo'], [L.lancaster]),
  officer(O.helenBrooks, 'Helen Brooks', '0f5c2a9e-6b1d-4c8e-9a3f-1d2e3f4a5b04', ['manager'], Object.values(L)),
  officer(O.davidAshworth, 'David Ashworth', '0f5c2a9e-6b1d-4c8e-9a3f-1d2e3f4a5b05', ['manager'], [L.westLancashire, L.centralLancs]),
  officer(O.samPatel, 'Sam Patel', '0f5c2a9e-6b1d-4c8e-9a3f-1d2e3f4a5b06', ['partner'], [L.preston]),
  officer(O.joKershaw, 'Jo Kershaw', '0f5c2a9e-6b1d-4c8e-9a3f-1d2e3f4a5b07', ['admin'], []),
];

function officer(id: string, name: string, aadObjectId: string, roles: Role[], localityIds: string[]): Officer {
  const email = `${name.toLowerCase().replace(/ /g, '.')}@lancashire.gov.uk`;
  return { id, name, email, aadObjectId, roles, localityIds };
}

/** Who wrote each locality's report last term, and how far the managers got with it. */
const HISTORY: ReadonlyArray<{
  localityId: string;
  officerIds: readonly string[];
  submittedBy: string;
  approvedBy?: string;
  priorities: readonly SamplePriorityHistory[];
}> = [
  { localityId: L.westLancashire, officerIds: [O.claireFox], submittedBy: O.claireFox, approvedBy: O.davidAshworth, priorities: WEST_LANCASHIRE_HISTORY },
  { localityId: L.centralLancs, officerIds: [O.claireFox, O.alisonWalsh], submittedBy: O.alisonWalsh, approvedBy: O.helenBrooks, priorities: CENTRAL_LANCS_HISTORY },
  { localityId: L.preston, officerIds: [O.alisonWalsh], submittedBy: O.alisonWalsh, priorities: PRESTON_HISTORY },
];

/** The ids of what was seeded, for tests and the start-up banner. */
export interface SampleOrganisation {
  readonly localities: typeof SAMPLE_LOCALITY_IDS;
  readonly officers: {
    readonly epos: readonly string[];
    readonly managers: readonly string[];
    readonly partners: readonly string[];
    readonly admins: readonly string[];
  };
  /** The term whose reports were seeded as submitted. */
  readonly previousTerm: TermKey;
  /** The term being reported on at `today`. */
  readonly currentTerm: TermKey;
  /** Ids of the priorities with last term's reports, by locality. */
  readonly priorities: Readonly<Record<string, readonly string[]>>;
}

/** The term before `current` in this council's calendar (which may use half-terms). */
export function termBefore(calendar: TermCalendar, current: Term): Term {
  const terms = [current.academicYear - 1, current.academicYear].flatMap((year) => calendar.termsOfYear(year));
  const earlier = terms.filter((term) => compareTerms(term, current) < 0);
  return earlier[earlier.length - 1];
}

function idsWithRole(role: Role): string[] {
  return SAMPLE_OFFICERS.filter((o) => o.roles.includes(role)).map((o) => o.id);
}

/**
 * Creates the sample organisation and last term's history in `store`, leaving alone anything
 * that already exists (so a person's own edits, or their real Entra id, survive a restart).
 */
export async function seedSampleOrganisation(
  store: ReportStore,
  options: { calendar: TermCalendar; today: Date },
): Promise<SampleOrganisation> {
  const current = options.calendar.currentTerm(options.today);
  const previous = options.calendar.datesOf(termBefore(options.calendar, current.term));

  for (const locality of SAMPLE_LOCALITIES) {
    if (!(await store.getLocality(locality.id))) await store.upsertLocality(locality);
  }
  for (const person of SAMPLE_OFFICERS) {
    if (!(await store.getOfficer(person.id))) await store.upsertOfficer(person);
  }
  const submittedAt = `${previous.due}T15:30:00.000Z`;
  for (const history of HISTORY) {
    await seedLocalityHistory(store, history, previous.key, submittedAt);
  }

  return {
    localities: SAMPLE_LOCALITY_IDS,
    officers: {
      epos: idsWithRole('epo'),
      managers: idsWithRole('manager'),
      partners: idsWithRole('partner'),
      admins: idsWithRole('admin'),
    },
    previousTerm: previous.key,
    currentTerm: current.key,
    priorities: Object.fromEntries(HISTORY.map((h) => [h.localityId, h.priorities.map((p) => p.id)])),
  };
}

async function seedLocalityHistory(store: ReportStore, history: (typeof HISTORY)[number], term: TermKey, submittedAt: string): Promise<void> {
  const { localityId } = history;
  if (!(await store.getLocalityReport(localityId, term))) {
    const priorities: Array<{ priority: Priority; expectedVersion: number }> = [];
    const updates: Array<{ update: PriorityUpdate; expectedVersion: number }> = [];
    for (const [index, sample] of history.priorities.entries()) {
      if (!(await store.getPriority(sample.id))) {
        priorities.push({ priority: priorityOf(sample, localityId, term, index + 1), expectedVersion: 0 });
      }
      if (!(await store.getPriorityUpdate(sample.id, term))) {
        updates.push({ update: updateOf(sample, localityId, term, history.submittedBy, submittedAt), expectedVersion: 0 });
      }
    }
    const report: LocalityReport = {
      localityId,
      term,
      officerIds: history.officerIds,
      status: 'submitted',
      submittedBy: history.submittedBy,
      submittedAt,
      approval: history.approvedBy ? 'approved' : 'pending',
      version: 0,
    };
    try {
      await store.saveReportWithUpdates(report, 0, updates, priorities);
    } catch (error) {
      // Another process seeded the same report a moment ago: it is there, which is all we want.
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  if ((await store.listReportEvents(localityId, term)).length === 0) {
    await store.appendReportEvent({ localityId, term, kind: 'submitted', by: history.submittedBy, at: submittedAt });
    if (history.approvedBy) {
      await store.appendReportEvent({ localityId, term, kind: 'approved', by: history.approvedBy, at: submittedAt.replace('T15:30', 'T17:00') });
    }
  }
}

function priorityOf(sample: SamplePriorityHistory, localityId: string, term: TermKey, order: number): Priority {
  return {
    id: sample.id,
    localityId,
    title: sample.title,
    intendedOutcomes: sample.intendedOutcomes,
    exitStrategy: sample.exitStrategy,
    themes: sample.themes,
    status: 'active',
    openedTerm: term,
    order,
    version: 0,
  };
}

function updateOf(sample: SamplePriorityHistory, localityId: string, term: TermKey, by: string, at: string): PriorityUpdate {
  return {
    priorityId: sample.id,
    localityId,
    term,
    title: sample.title,
    intendedOutcomes: sample.intendedOutcomes,
    activityLastPeriod: sample.activityLastPeriod,
    plannedActivityNextPeriod: sample.plannedActivityNextPeriod,
    impactSoFar: sample.impactSoFar,
    exitStrategy: sample.exitStrategy,
    carryForward: [],
    sectionsDone: [...SECTION_NAMES],
    rag: sample.rag,
    figures: sample.figures,
    updatedBy: by,
    updatedAt: at,
    version: 0,
  };
}

