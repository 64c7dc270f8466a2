import JSZip from 'jszip';
import mammoth from 'mammoth';
import { renderDocx } from '../../src/reports/render-docx';
import { escapeHtml, renderHtml } from '../../src/reports/render-html';
import { escapeMarkdown, renderMarkdown } from '../../src/reports/render-markdown';
import { renderText } from '../../src/reports/render-text';
import type { ReportDocument } from '../../src/reports/report-document';

const DOCUMENT: ReportDocument = {
  title: 'Preston – Autumn – October 2024',
  description: 'TASS locality report for Preston, Autumn – October 2024',
  blocks: [
    { kind: 'heading', level: 1, text: 'Preston' },
    { kind: 'contents', entries: [{ text: 'The priority', anchor: 'priority_1' }] },
    { kind: 'heading', level: 2, text: 'Priority', spaced: true, anchor: 'priority_1' },
    { kind: 'paragraph', text: 'Schools <script>alert("x")</script> & partners' },
    { kind: 'heading', level: 3, text: 'Intended Outcomes' },
    { kind: 'bullets', items: ['- 6 meetings held', '*Starred* item | with a pipe', '1. Numbered-looking'] },
    { kind: 'pageBreak' },
    { kind: 'table', caption: 'Summary', header: ['Locality', 'Status'], rows: [['Preston', 'submitted']] },
  ],
};

describe('renderHtml', () => {
  it.each([
    ['<b>', '&lt;b&gt;'],
    ['"quoted" & \'single\'', '&quot;quoted&quot; &amp; &#39;single&#39;'],
  ])('escapes %j', (text, escaped) => {
    expect(escapeHtml(text)).toBe(escaped);
  });

  it('builds a semantic page with the text escaped', () => {
    const html = renderHtml(DOCUMENT);
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toContain('<title>Preston – Autumn – October 2024</title>');
    expect(html).toContain('<h1>Preston</h1>');
    expect(html).toContain('<h3>Intended Outcomes</h3>');
    expect(html).toContain('<nav aria-label="Contents">\n<ul>\n<li><a href="#priority_1">The priority</a></li>\n</ul>\n</nav>');
    expect(html).toContain('<h2 id="priority_1">Priority</h2>');
    expect(html).toContain('<p>Schools &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; partners</p>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<ul>\n<li>- 6 meetings held</li>');
    expect(html).toContain('<th scope="col">Locality</th>');
    expect(html).toContain('<th scope="row">Preston</th><td>submitted</td>');
  });
});

describe('renderMarkdown', () => {
  it.each([
    ['- not a list', '\\- not a list'],
    ['1. not a list', '1\\. not a list'],
    ['# not a heading', '\\# not a heading'],
    ['a *b* [c] <d> | e', 'a \\*b\\* \\[c\\] \\<d\\> \\| e'],
  ])('escapes %j', (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });

  it('writes headings, lists and a table', () => {
    const markdown = renderMarkdown(DOCUMENT);
    expect(markdown).toContain('# Preston\n\n- The priority\n\n## Priority\n\n');
    expect(markdown).toContain('- \\- 6 meetings held\n- \\*Starred\\* item \\| with a pipe\n- 1\\. Numbered-looking');
    expect(markdown).toContain('| Locality | Status |\n| --- | --- |\n| Preston | submitted |');
  });
});

describe('renderText', () => {
  it('writes one line per heading, paragraph and item with bullets as "  • "', () => {
    const text = renderText(DOCUMENT);
    expect(text.split('\n').slice(0, 12)).toEqual([
      'Preston',
      '',
      '  • The priority',
      '',
      '',
      'Priority',
      '',
      'Schools <script>alert("x")</script> & partners',
      '',
      'Intended Outcomes',
      '',
      '  • - 6 meetings held',
    ]);
  });
});

describe('renderDocx', () => {
  async function documentXml(buffer: Buffer): Promise<{ body: string; core: string }> {
    const zip = await JSZip.loadAsync(buffer);
    return { body: await zip.file('word/document.xml')!.async('string'), core: await zip.file('docProps/core.xml')!.async('string') };
  }

  it('uses Word heading styles, real bullet numbering and sets the title', async () => {
    const { body, core } = await documentXml(await renderDocx(DOCUMENT));
    expect(body).toContain('<w:pStyle w:val="Heading1"/>');
    expect(body).toContain('<w:pStyle w:val="Heading2"/>');
    expect(body).toContain('<w:pStyle w:val="Heading3"/>');
    const paragraphs = body.split('<w:p>').slice(1);
    const bulleted = paragraphs.filter((paragraph) => paragraph.includes('<w:numPr>'));
    expect(bulleted).toHaveLength(4);
    expect(body).toMatch(/<w:bookmarkStart w:name="priority_1" w:id="\d+"\/>/);
    expect(body).toMatch(/<w:hyperlink [^>]*w:anchor="priority_1"[^>]*>.*?The priority.*?<\/w:hyperlink>/);
    expect(bulleted.every((paragraph) => /<w:ilvl w:val="0"\/><w:numId w:val="\d+"\/>/.test(paragraph))).toBe(true);
    expect(body).toContain('<w:tblHeader/>');
    expect(body).toContain('<w:pageBreakBefore/>');
    expect(core).toContain('<dc:title>Preston – Autumn – October 2024</dc:title>');
  });

  it('reads back with mammoth as headings, a list and escaped text', async () => {
    const { value } = await mammoth.convertToHtml({ buffer: await renderDocx(DOCUMENT) });
    expect(value).toContain('<h1>Preston</h1>');
    expect(value).toContain('<h2><a id="priority_1"></a>Priority</h2>');
    expect(value).toContain('<li><a href="#priority_1">The priority</a></li>');
    expect(value).toContain('<h3>Intended Outcomes</h3>');
    expect(value).toContain('<ul><li>- 6 meetings held</li><li>*Starred* item | with a pipe</li><li>1. Numbered-looking</li></ul>');
    expect(value).toContain('<p>Schools &lt;script&gt;alert("x")&lt;/script&gt; &amp; partners</p>');
  });
});
