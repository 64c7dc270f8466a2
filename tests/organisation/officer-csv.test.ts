/** Officers from CSV: every row checked first, and all or nothing when stored. */
import { importOfficersCsv, OfficerCsvError, planOfficerImport } from '../../src/organisation/officer-csv';
import { StoreUnavailableError } from '../../src/store/errors';
import { openLocalSharePoint, type LocalSharePoint } from '../support/local-graph/sharepoint-fixture';
import { aLocality, anOfficer } from '../support/builders';

const localities = [aLocality(), aLocality({ id: 'preston', name: 'Preston', order: 3 })];
const context = { localities, officers: [anOfficer()] };
const HEADER = 'name,email,roles,localities\n';
let counter = 0;
const nextId = () => `officer-${(counter += 1)}`;

function problemsOf(text: string): string[] {
  try {
    planOfficerImport(text, context, nextId);
  } catch (error) {
    if (error instanceof OfficerCsvError) return error.problems.map((p) => `${p.line}: ${p.problem}`);
    throw error;
  }
  return [];
}

describe('planOfficerImport', () => {
  it('reads quoted commas, a byte order mark, spaces around ";" and CRLF line ends', () => {
    const officers = planOfficerImport(`\uFEFF${HEADER}"Fox, Claire",claire.fox@lancashire.gov.uk, epo ; manager ,Preston ; central lancs\r\n`, context, () => 'officer-x');
    expect(officers).toEqual([{ id: 'officer-x', name: 'Fox, Claire', email: 'claire.fox@lancashire.gov.uk', roles: ['epo', 'manager'], localityIds: ['preston', 'central-lancs'] }]);
  });

  it.each([
    ['a wrong header', 'name,email,role\nA B,a@b.uk,admin,\n', ['1: the first line must be the header name,email,roles,localities']],
    ['an empty file', '', ['1: the first line must be the header name,email,roles,localities']],
    ['only a header', HEADER, ['1: the file has no officers after its header']],
    ['a short row', `${HEADER}A B,a@b.uk,admin\n`, ['2: expected 4 columns, found 3']],
    ['an unclosed quote', `${HEADER}"A B,a@b.uk,admin,\n`, [expect.stringMatching(/^\d: the file is not valid CSV/)]],
    ['the same email twice', `${HEADER}A B,a@b.uk,admin,\nC D,A@B.uk,partner,\n`, ['3: another officer already has the email A@B.uk']],
    ['an email already stored', `${HEADER}A B,alison.walsh@lancashire.gov.uk,admin,\n`, ['2: another officer already has the email alison.walsh@lancashire.gov.uk']],
    ['an unknown locality', `${HEADER}A B,a@b.uk,epo,Wyre\n`, ['2: there is no locality called "Wyre"']],
    ['an EPO with no locality', `${HEADER}A B,a@b.uk,epo,\n`, ['2: an EPO must serve at least one locality']],
  ])('refuses %s', (_label, text, expected) => {
    expect(problemsOf(text)).toEqual(expected);
  });
});

describe('importOfficersCsv against SharePoint over HTTP', () => {
  let sharePoint: LocalSharePoint;
  beforeEach(async () => {
    sharePoint = await openLocalSharePoint();
    for (const locality of localities) await sharePoint.store.upsertLocality(locality);
    await sharePoint.store.upsertOfficer(anOfficer());
  });
  afterEach(async () => {
    await sharePoint.cleanup();
  });

  const file = `${HEADER}A B,a@b.uk,admin,\nC D,c@d.uk,epo,Preston\nE F,e@f.uk,partner,\n`;

  it('stores every officer of a good file, and nothing on a dry run', async () => {
    await expect(importOfficersCsv(sharePoint.store, file, nextId, { dryRun: true })).resolves.toHaveLength(3);
    expect(await sharePoint.store.listOfficers()).toEqual([anOfficer()]);
    await importOfficersCsv(sharePoint.store, file, nextId);
    expect((await sharePoint.store.listOfficers()).map((o) => o.email)).toEqual(['a@b.uk', 'alison.walsh@lancashire.gov.uk', 'c@d.uk', 'e@f.uk']);
  });

  it('takes back what it added when SharePoint refuses a later officer', async () => {
    sharePoint.graph.faults.add({ kind: 'status', status: 400 }, 1, { method: 'POST', path: /\/lists\/[^/]+\/items$/, skip: 1 });
    await expect(importOfficersCsv(sharePoint.store, file, nextId)).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await sharePoint.store.listOfficers()).toEqual([anOfficer()]);
  });
});
