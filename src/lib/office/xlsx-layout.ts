// What the workbooks for staff share: who made them and when, character widths for sizing columns
// and rows, the thin table border, the grey label fill and the A4 page setup.
import type ExcelJS from 'exceljs';

/** Width in Excel character units: CJK and full-width characters take two. */
export const displayWidth = (s: string) => [...s].reduce((w, ch) => w + (ch.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);

const THIN = { style: 'thin' } as const;
export const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
export const LABEL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };

/** A4, one page wide (as many pages down as needed), landscape for wide tables. */
export const A4_LANDSCAPE: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  horizontalCentered: true,
  margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
};

/**
 * Every workbook is made by gongkai and dated `date` (the content's last change), never the
 * clock, so that the same input gives the same bytes. `Workbook` and the streaming writer both take it.
 */
export function stampWorkbook(workbook: Pick<ExcelJS.Workbook, 'creator' | 'lastModifiedBy' | 'created' | 'modified'>, date: Date) {
  workbook.creator = 'gongkai';
  workbook.lastModifiedBy = 'gongkai';
  workbook.created = date;
  workbook.modified = date;
}
