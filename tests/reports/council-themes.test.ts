/** The outcomes report and the county report grouped by a council's own themes. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compileCountyReportFile } from '../../src/reports/compile-report-file';
import { outcomesBlocks } from '../../src/reports/outcomes-report';
import type { ReportBlock } from '../../src/reports/report-document';
import { SqliteReportStore } from '../../src/store/sqlite/sqlite-store';
import { aReport } from '../support/builders';
import { COUNCIL_OUTCOMES, COUNCIL_THEMES, seedYouthVoice } from '../support/council-themes';
import { AUTUMN_2024, OUTCOME_LOCALITIES, seedOutcomes, SPRING_2025, SUMMER_2025 } from '../support/outcomes-fixture';

function themeHeadings(blocks: readonly ReportBlock[]): string[] {
  const start = blocks.findIndex((block) => block.kind === 'heading' && block.text === 'By theme');
  const end = blocks.findIndex((block) => block.kind === 'heading' && block.text === 'By locality');
  return blocks.slice(start + 1, end).flatMap((block) => (block.kind === 'heading' ? [block.text] : []));
}

describe('outcomes by a council\'s own themes', () => {
  it('groups under the council\'s themes in its order, then a dropped theme under its id', () => {
    const blocks = outcomesBlocks({ fromTerm: AUTUMN_2024, toTerm: SUMMER_2025, ...COUNCIL_OUTCOMES, themes: COUNCIL_THEMES });
    expect(themeHeadings(blocks)).toEqual(['Youth voice', 'School avoidance and attendance', 'NEET and post-16', 'mental-health', 'No theme']);
    const youthVoice = blocks.find((block) => block.kind === 'table' && block.caption === 'Youth voice: priorities');
    expect(youthVoice).toMatchObject({ rows: [['Preston', 'Pupil voice and youth council', 'Summer 2025: on track', 'not enough data', '9 schools with a pupil voice group']] });
  });

  it('groups by the default themes when the council has none of its own', () => {
    const blocks = outcomesBlocks({ fromTerm: AUTUMN_2024, toTerm: SUMMER_2025, ...COUNCIL_OUTCOMES });
    expect(themeHeadings(blocks)).toEqual(['NEET and post-16', 'School avoidance and attendance', 'Mental health and wellbeing', 'youth-voice', 'No theme']);
  });

  describe('in the county report', () => {
    let dir: string;
    let store: SqliteReportStore;
    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'tass-council-themes-'));
      store = SqliteReportStore.open(path.join(dir, 'tass.db'));
      await seedOutcomes(store);
      await seedYouthVoice(store);
      for (const locality of OUTCOME_LOCALITIES) {
        for (const term of [AUTUMN_2024, SPRING_2025, SUMMER_2025]) {
          await store.saveLocalityReport(aReport({ localityId: locality.id, term, approval: 'approved', returnComment: undefined, version: 0 }), 0);
        }
      }
    });
    afterAll(async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('shows the outcomes under the council\'s themes', async () => {
      const text = (await compileCountyReportFile(store, SUMMER_2025, 'text', { themes: COUNCIL_THEMES })).content as string;
      const outcomes = text.slice(text.lastIndexOf('Outcomes across terms'));
      expect(outcomes).toContain('\nYouth voice\n');
      expect(outcomes).toContain('Pupil voice and youth council');
      expect(outcomes).toContain('\nmental-health\n');
      expect(outcomes).not.toContain('Mental health and wellbeing');
    });
  });
});
