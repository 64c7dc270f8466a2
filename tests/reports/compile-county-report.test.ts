import { compileCountyReport, DEFAULT_COUNTY_INTRO, type CountyReportInput } from '../../src/reports/compile-county-report';
import type { LocalityReportInput } from '../../src/reports/compile-locality-report';
import { renderText } from '../../src/reports/render-text';
import { aLocality, anOfficer, anUpdate, aPriority, aReport, SAMPLE_TERM } from '../support/builders';

function locality(id: string, name: string, order: number, status?: 'submitted' | 'in progress'): LocalityReportInput {
  return {
    locality: aLocality({ id, name, order }),
    term: SAMPLE_TERM,
    termLabel: 'Autumn – October 2024',
    officers: [anOfficer({ id: `${id}-epo`, name: `${name} EPO`, localityIds: [id] })],
    priorities: [aPriority({ id: `${id}-p`, localityId: id, title: `${name} priority` })],
    updates: [anUpdate({ priorityId: `${id}-p`, localityId: id, title: `${name} priority` })],
    ...(status ? { report: aReport({ localityId: id, status, approval: status === 'submitted' ? 'approved' : 'pending' }) } : {}),
  };
}

const COUNTY: CountyReportInput = {
  term: SAMPLE_TERM,
  termLabel: 'Autumn – October 2024',
  localities: [
    locality('west', 'West Lancashire', 1, 'submitted'),
    locality('central', 'Central', 2, 'in progress'),
    locality('preston', 'Preston', 3),
  ],
};

describe('compileCountyReport', () => {
  it('has the title, the default introduction, contents and a summary table of every locality', () => {
    const document = compileCountyReport(COUNTY);
    expect(document.blocks.slice(0, 3)).toEqual([
      { kind: 'heading', level: 1, text: 'TASS in action' },
      { kind: 'paragraph', text: 'Autumn – October 2024' },
      { kind: 'paragraph', text: DEFAULT_COUNTY_INTRO },
    ]);
    expect(document.blocks).toContainEqual({
      kind: 'contents',
      entries: [
        { text: 'Summary', anchor: 'summary' },
        { text: 'West Lancashire', anchor: 'locality_west' },
        { text: 'Not yet submitted', anchor: 'not_submitted' },
      ],
    });
    const anchors = document.blocks.flatMap((block) => (block.kind === 'heading' && block.anchor ? [block.anchor] : []));
    expect(anchors).toEqual(['summary', 'locality_west', 'not_submitted']);
    const table = document.blocks.find((block) => block.kind === 'table');
    expect(table).toEqual({
      kind: 'table',
      caption: 'Locality reports, Autumn – October 2024',
      header: ['Locality', 'Officers', 'Priorities', 'Status'],
      rows: [
        ['West Lancashire', 'West Lancashire EPO', '1', 'submitted (approved)'],
        ['Central', 'Central EPO', '1', 'in progress'],
        ['Preston', 'Preston EPO', '1', 'not started'],
      ],
    });
  });

  it('prints submitted reports in full and names the localities that have not submitted', () => {
    const text = renderText(compileCountyReport(COUNTY));
    expect(text).toContain('West Lancashire priority');
    expect(text).not.toContain('Central priority');
    expect(text).toContain('Not yet submitted: Central, Preston.');
  });

  it('uses the configured introduction and can print drafts too', () => {
    const text = renderText(compileCountyReport({ ...COUNTY, intro: 'Our county intro.', includeDrafts: true }));
    expect(text).toContain('Our county intro.');
    expect(text).not.toContain(DEFAULT_COUNTY_INTRO);
    expect(text).toContain('Central priority');
    expect(text).toContain('Draft: this report is in progress.');
  });

  it('says so when every locality has submitted', () => {
    const all = { ...COUNTY, localities: [locality('west', 'West Lancashire', 1, 'submitted')] };
    expect(renderText(compileCountyReport(all))).toContain('Every locality has submitted its report.');
  });
});
