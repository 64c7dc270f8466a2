import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { chartAltText, renderStackedBarChart, stackedBarChartSvg } from '../../src/reports/outcome-chart';
import { compileOutcomesReport, outcomesBlocks, statusByTerm, trendLine } from '../../src/reports/outcomes-report';
import { renderReport } from '../../src/reports/render-report';
import type { ReportBlock } from '../../src/reports/report-document';
import { AUTUMN_2024, OUTCOME_LOCALITIES, OUTCOME_PRIORITIES, OUTCOME_UPDATES, SPRING_2025, SUMMER_2025 } from '../support/outcomes-fixture';

const input = { fromTerm: AUTUMN_2024, toTerm: SUMMER_2025, localities: OUTCOME_LOCALITIES, priorities: OUTCOME_PRIORITIES, updates: OUTCOME_UPDATES };

function tables(blocks: readonly ReportBlock[]): Extract<ReportBlock, { kind: 'table' }>[] {
  return blocks.filter((block): block is Extract<ReportBlock, { kind: 'table' }> => block.kind === 'table');
}

describe('outcomes report', () => {
  const blocks = outcomesBlocks(input);

  it('counts each status term by term for the chart', () => {
    expect(statusByTerm(input)).toMatchObject({
      categories: ['Autumn 2024', 'Spring 2025', 'Summer 2025'],
      series: [
        { name: 'On track', values: [1, 0, 1] },
        { name: 'Some concerns', values: [0, 2, 1] },
        { name: 'Off track', values: [1, 0, 1] },
        { name: 'Not rated', values: [0, 0, 1] },
      ],
    });
  });

  it('gives each theme its priorities with their status by term, direction and latest figures', () => {
    const attendance = tables(blocks).find((table) => table.caption === 'School avoidance and attendance: priorities');
    expect(attendance?.rows).toEqual([
      [
        'Central Lancs',
        OUTCOME_PRIORITIES[0].title,
        'Autumn 2024: off track → Spring 2025: some concerns → Summer 2025: on track',
        'improving',
        '12 young people back in school full time',
      ],
    ]);
    const neet = tables(blocks).find((table) => table.caption === 'NEET and post-16: priorities');
    expect(neet?.rows[0].slice(2)).toEqual(['Autumn 2024: on track → Summer 2025: off track', 'worsening', '16 schools signed up to Positive Footsteps']);
    const health = tables(blocks).find((table) => table.caption === 'Mental health and wellbeing: priorities');
    expect(health?.rows.map((row) => row[0])).toEqual(['Central Lancs', 'West Lancashire']);
    expect(tables(blocks).find((table) => table.caption === 'No theme: priorities')?.rows[0][2]).toBe('Summer 2025: not rated');
  });

  it('gives each locality its counts, in county order', () => {
    const byLocality = tables(blocks).find((table) => table.caption === 'Latest status and direction by locality');
    expect(byLocality?.rows).toEqual([
      ['West Lancashire', '2', '0', '1', '0', '1', '0', '0'],
      ['Central Lancs', '1', '1', '0', '0', '0', '1', '0'],
      ['Preston', '1', '0', '0', '1', '0', '0', '1'],
    ]);
  });

  it('leaves out terms outside the range', () => {
    const spring = outcomesBlocks({ ...input, fromTerm: SPRING_2025, toTerm: SPRING_2025 });
    expect(tables(spring)[0].rows.map((row) => row[0])).toEqual(['Spring 2025']);
    expect(trendLine({ priorityId: 'x', localityId: 'y', title: 't', statuses: [{ term: SPRING_2025 }], direction: 'not enough data', figures: [] })).toBe('Spring 2025: not rated');
  });

  it('says so when nothing was reported in the range', () => {
    const none = outcomesBlocks({ ...input, updates: [] });
    expect(none.some((block) => block.kind === 'paragraph' && block.text === 'No priority has an update in these terms yet.')).toBe(true);
    expect(none.some((block) => block.kind === 'image')).toBe(false);
  });
});

describe('outcomes chart', () => {
  const chart = statusByTerm(input);

  it('is SVG with one bar segment per non-zero count, escaped labels and a legend', () => {
    const { svg } = stackedBarChartSvg({ ...chart, categories: ['A & <B>', ...chart.categories.slice(1)] });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('A &amp; &lt;B&gt;');
    expect(svg.match(/<rect x="[\d.]+" y="\d+" width="[\d.]+" height="20" fill=/g)).toHaveLength(7);
    for (const name of ['On track', 'Some concerns', 'Off track', 'Not rated']) expect(svg).toContain(`>${name}</text>`);
  });

  it('says in words what it shows', () => {
    expect(chartAltText(chart)).toBe(
      'Priorities by status, term by term. Autumn 2024: 1 on track, 0 some concerns, 1 off track, 0 not rated. Spring 2025: 0 on track, 2 some concerns, 0 off track, 0 not rated. Summer 2025: 1 on track, 1 some concerns, 1 off track, 1 not rated.',
    );
  });

  it('rasterises to a PNG at twice the size with the status colours in it', () => {
    const image = renderStackedBarChart(chart);
    const png = PNG.sync.read(image.png);
    expect(png.width).toBe(image.width * 2);
    expect(png.height).toBe(image.height * 2);
    const colours = new Set<string>();
    for (let index = 0; index < png.data.length; index += 4) colours.add(`${png.data[index]},${png.data[index + 1]},${png.data[index + 2]}`);
    expect(colours.has('46,125,50')).toBe(true);
    expect(colours.has('198,40,40')).toBe(true);
    expect(colours.has('178,106,0')).toBe(true);
  });
});

describe('outcomes document formats', () => {
  const document = compileOutcomesReport(input);

  it('puts the charts into the Word document as SVG with a PNG fallback and alt text', async () => {
    const zip = await JSZip.loadAsync((await renderReport(document, 'docx')) as Buffer);
    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
    expect(media.filter((name) => name.endsWith('.png'))).toHaveLength(2);
    expect(media.filter((name) => name.endsWith('.svg'))).toHaveLength(2);
    const png = PNG.sync.read(await zip.file(media.find((name) => name.endsWith('.png'))!)!.async('nodebuffer'));
    expect(png.width).toBeGreaterThan(1000);
    const body = await zip.file('word/document.xml')!.async('string');
    expect(body).toContain('descr="Priorities by status, term by term. Autumn 2024: 1 on track');
    expect(body).toContain('Latest status and direction by locality');
  });

  it('shows the chart inline in HTML and describes it in text and Markdown', async () => {
    const html = (await renderReport(document, 'html')) as string;
    expect(html).toMatch(/<figure><img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" width="720" height="\d+" alt="Priorities by status, term by term\./);
    expect(await renderReport(document, 'text')).toContain('[Chart] Priorities by status, term by term.');
    expect(await renderReport(document, 'md')).toContain('*Chart: Priorities by status, term by term.');
  });
});
