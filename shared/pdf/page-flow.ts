import { rgb, type PDFDocument, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import { wrapText } from './wrap-text';

/** A4 in PDF points (1/72 inch). */
export const a4 = { width: 595.28, height: 841.89 } as const;

const margin = { left: 56, right: 56, top: 72, bottom: 64 } as const;
export const ink = rgb(0.1, 0.1, 0.12);
export const quietInk = rgb(0.35, 0.36, 0.4);
export const accent = rgb(0.05, 0.33, 0.36);
export const warning = rgb(0.62, 0.08, 0.06);
const rule = rgb(0.75, 0.77, 0.8);
const band = rgb(0.93, 0.96, 0.95);

export type PdfFonts = { readonly regular: PDFFont; readonly bold: PDFFont };

/**
 * Lays blocks down A4 pages from the top, starting a new page when the next line would not fit,
 * so long text flows over as many pages as it needs. Running headers and footers ("Page n of m")
 * are drawn at the end, once the number of pages is known.
 */
export class PageFlow {
  private page: PDFPage;
  private y: number;
  readonly contentWidth = a4.width - margin.left - margin.right;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: PdfFonts,
  ) {
    this.page = this.addPage();
    this.y = a4.height - margin.top;
  }

  private addPage(): PDFPage {
    const page = this.doc.addPage([a4.width, a4.height]);
    this.page = page;
    this.y = a4.height - margin.top;
    return page;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensureSpace(height: number): void {
    if (this.y - height < margin.bottom) this.addPage();
  }

  space(points: number): void {
    this.y -= points;
  }

  title(text: string, subtitle: string): void {
    this.ensureSpace(50);
    this.line(text, 20, { size: 20, font: this.fonts.bold, color: accent });
    this.line(subtitle, 38, { size: 10.5, font: this.fonts.regular, color: quietInk });
    this.y -= 52;
  }

  /** A section heading; `isShaded` draws it on a tinted band so it stands out when leafing through. */
  heading(text: string, options: { isShaded?: boolean; note?: string; keepWithNext?: number } = {}): void {
    // Keep a heading with at least two lines of what follows it (or the whole block, if asked).
    this.ensureSpace(36 + (options.keepWithNext ?? 20));
    this.y -= 8;
    if (options.isShaded) {
      this.page.drawRectangle({
        x: margin.left - 6,
        y: this.y - 20,
        width: this.contentWidth + 12,
        height: 24,
        color: band,
      });
      this.page.drawRectangle({ x: margin.left - 6, y: this.y - 20, width: 3, height: 24, color: accent });
    }
    this.line(text, 14, { size: 13, font: this.fonts.bold, color: accent });
    this.y -= 26;
    if (options.note) this.paragraph(options.note, { size: 9.5, color: quietInk });
    this.y -= 2;
  }

  /** Wrapped text; each line is placed on its own, so a paragraph may continue on the next page. */
  paragraph(
    text: string,
    options: { size?: number; isBold?: boolean; color?: ReturnType<typeof rgb>; indent?: number } = {},
  ): void {
    const size = options.size ?? 10.5;
    const font = options.isBold ? this.fonts.bold : this.fonts.regular;
    const indent = options.indent ?? 0;
    const lineHeight = size * 1.38;
    for (const line of wrapText(text, this.contentWidth - indent, (part) =>
      font.widthOfTextAtSize(part, size),
    )) {
      this.ensureSpace(lineHeight);
      if (line !== '') this.line(line, size, { size, font, color: options.color ?? ink, indent });
      this.y -= lineHeight;
    }
    this.y -= size * 0.5;
  }

  /** Label and value side by side; the value wraps in its own column. */
  field(label: string, value: string, options: { isWarning?: boolean } = {}): void {
    const size = 10.5;
    const labelWidth = 150;
    const lineHeight = size * 1.38;
    const lines = wrapText(value, this.contentWidth - labelWidth, (part) =>
      this.fonts.regular.widthOfTextAtSize(part, size),
    );
    this.ensureSpace(lineHeight * Math.min(lines.length, 3));
    this.line(label, size, { size, font: this.fonts.bold, color: quietInk });
    lines.forEach((line, index) => {
      if (index > 0) this.ensureSpace(lineHeight);
      this.line(line, size, {
        size,
        font: options.isWarning ? this.fonts.bold : this.fonts.regular,
        color: options.isWarning ? warning : ink,
        indent: labelWidth,
      });
      this.y -= lineHeight;
    });
    this.y -= 3;
  }

  /** One line of text, its baseline `drop` points below the top of the space left, `indent` in from the margin. */
  private line(
    text: string,
    drop: number,
    style: { size: number; font: PDFFont; color: ReturnType<typeof rgb>; indent?: number },
  ): void {
    this.page.drawText(text, {
      x: margin.left + (style.indent ?? 0),
      y: this.y - drop,
      size: style.size,
      font: style.font,
      color: style.color,
    });
  }

  divider(): void {
    this.ensureSpace(12);
    this.y -= 6;
    this.page.drawLine({
      start: { x: margin.left, y: this.y },
      end: { x: a4.width - margin.right, y: this.y },
      thickness: 0.6,
      color: rule,
    });
    this.y -= 6;
  }

  /** An image no larger than the box given, keeping its proportions. */
  image(image: PDFImage, maxWidth: number, maxHeight: number): void {
    const scale = Math.min(maxWidth / image.width, maxHeight / image.height, 1);
    const width = image.width * scale;
    const height = image.height * scale;
    this.ensureSpace(height + 8);
    this.page.drawImage(image, { x: margin.left, y: this.y - height, width, height });
    this.page.drawLine({
      start: { x: margin.left, y: this.y - height - 2 },
      end: { x: margin.left + maxWidth, y: this.y - height - 2 },
      thickness: 0.6,
      color: rule,
    });
    this.y -= height + 8;
  }

  /**
   * A simple table: a bold header row, then rows whose cells wrap in their columns. Column widths
   * follow how much each column holds (within limits); the header is drawn again at the top of each
   * new page, and a row is never split across pages unless it is taller than a page.
   */
  table(columns: readonly string[], rows: readonly (readonly string[])[]): void {
    const size = 9.5;
    const lineHeight = size * 1.35;
    const padding = 4;
    const longest = columns.map((column, index) =>
      Math.max(column.length, ...rows.map((row) => Math.min((row[index] ?? '').length, 60)), 4),
    );
    const total = longest.reduce((sum, each) => sum + each, 0);
    const widths = longest.map((each) => (this.contentWidth * each) / total);
    const linesOf = (cells: readonly string[], font: PDFFont) =>
      widths.map((width, index) =>
        wrapText(cells[index] ?? '', width - padding * 2, (part) => font.widthOfTextAtSize(part, size)),
      );
    const drawRow = (cells: readonly string[], isHeader: boolean) => {
      const font = isHeader ? this.fonts.bold : this.fonts.regular;
      const cellLines = linesOf(cells, font);
      const height = Math.max(...cellLines.map((lines) => lines.length), 1) * lineHeight + padding * 2;
      if (isHeader)
        this.page.drawRectangle({
          x: margin.left,
          y: this.y - height,
          width: this.contentWidth,
          height,
          color: band,
        });
      let x = margin.left;
      cellLines.forEach((lines, index) => {
        lines.forEach((line, lineIndex) => {
          if (line !== '')
            this.page.drawText(line, {
              x: x + padding,
              y: this.y - padding - size - lineIndex * lineHeight,
              size,
              font,
              color: isHeader ? accent : ink,
            });
        });
        x += widths[index] ?? 0;
      });
      this.page.drawLine({
        start: { x: margin.left, y: this.y - height },
        end: { x: a4.width - margin.right, y: this.y - height },
        thickness: 0.5,
        color: rule,
      });
      this.y -= height;
    };
    const heightOf = (cells: readonly string[]) =>
      Math.max(...linesOf(cells, this.fonts.regular).map((lines) => lines.length), 1) * lineHeight +
      padding * 2;
    const headerHeight = heightOf(columns);
    this.ensureSpace(headerHeight + (rows[0] ? heightOf(rows[0]) : 0));
    drawRow(columns, true);
    for (const row of rows) {
      const height = heightOf(row);
      if (this.y - height < margin.bottom) {
        this.addPage();
        drawRow(columns, true);
      }
      drawRow(row, false);
    }
    this.y -= 8;
  }

  /** Draws the running header and footer on every page; call once, after the last block. */
  finish(header: { left: string; right: string }, footerLeft: string): void {
    const pages = this.doc.getPages();
    const size = 8.5;
    pages.forEach((page, index) => {
      const top = a4.height - 40;
      page.drawText(header.left, { x: margin.left, y: top, size, font: this.fonts.regular, color: quietInk });
      const right = header.right;
      page.drawText(right, {
        x: a4.width - margin.right - this.fonts.bold.widthOfTextAtSize(right, size),
        y: top,
        size,
        font: this.fonts.bold,
        color: quietInk,
      });
      page.drawLine({
        start: { x: margin.left, y: top - 6 },
        end: { x: a4.width - margin.right, y: top - 6 },
        thickness: 0.6,
        color: rule,
      });

      const bottom = 36;
      page.drawLine({
        start: { x: margin.left, y: bottom + 12 },
        end: { x: a4.width - margin.right, y: bottom + 12 },
        thickness: 0.6,
        color: rule,
      });
      page.drawText(footerLeft, {
        x: margin.left,
        y: bottom,
        size,
        font: this.fonts.regular,
        color: quietInk,
      });
      const pageNumber = `Page ${index + 1} of ${pages.length}`;
      page.drawText(pageNumber, {
        x: a4.width - margin.right - this.fonts.regular.widthOfTextAtSize(pageNumber, size),
        y: bottom,
        size,
        font: this.fonts.regular,
        color: quietInk,
      });
    });
  }
}
