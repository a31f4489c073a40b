// A monitoring or self-evaluation file as an Excel workbook laid out as published (merged cells,
// the money block under its caption, the 总分 row): what a reader downloads and what the importer
// reads back to the same file.
import { parse } from 'yaml';
import { resultGrid } from '../import/result-table.ts';
import type { ResultKind } from '../../schema/result-layouts.ts';
import { writeXlsxGrids } from '../office/grid-xlsx.ts';

/**
 * The workbook of one result file: `table` is the file's YAML text or its parsed content (Chinese
 * keys). `date` is the workbook's date, a fixed one by default (same input and date → same bytes).
 */
export function resultWorkbook(kind: ResultKind, table: Record<string, unknown> | string, { date = new Date('2000-01-01T00:00:00Z') }: { date?: Date } = {}): Promise<Uint8Array> {
  const data = typeof table === 'string' ? (parse(table) as Record<string, unknown>) : table;
  return writeXlsxGrids([resultGrid(kind, data)], { date });
}
