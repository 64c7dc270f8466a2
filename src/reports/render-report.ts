/** One entry point for every format. */
import { renderDocx } from './render-docx';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';
import { renderText } from './render-text';
import type { ReportDocument, ReportFormat } from './report-document';

export async function renderReport(document: ReportDocument, format: ReportFormat): Promise<Buffer | string> {
  switch (format) {
    case 'docx':
      return renderDocx(document);
    case 'html':
      return renderHtml(document);
    case 'md':
      return renderMarkdown(document);
    case 'text':
      return renderText(document);
  }
}
