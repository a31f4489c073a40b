import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { readXlsxGrids } from './src/lib/office/grid-xlsx.ts';
import { readBudgetWorkbook } from './src/lib/budget/budget-import.ts';
import { transcriptionIds, BUDGET_DIR } from './tests/fixtures/published/transcription.ts';
const trim = (rows: string[][]) => { const r = rows.map(x => { const y = [...x]; while (y.length && y.at(-1) === '') y.pop(); return y; }); while (r.length && r.at(-1)!.length === 0) r.pop(); return r; };
for (const id of transcriptionIds(BUDGET_DIR)) {
  const want = parse(readFileSync(`${BUDGET_DIR}/${id}.yaml`, 'utf8'));
  const read = await readXlsxGrids(readFileSync(`${BUDGET_DIR}/${id}.xlsx`));
  if ('error' in read) { console.log(id, read.error); continue; }
  const got = readBudgetWorkbook(read);
  if (!got || 'error' in got) { console.log(id, got); continue; }
  console.log(id, got.set.name, got.document.年度, got.document.单位, 'unknown', got.unknown, got.recognised.filter(r=>r.by==='表头').length);
  want.表格.forEach((t: any, i: number) => {
    const g = got.document.表格[i]!;
    const diffs: string[] = [];
    if (g.名称 !== t.名称) diffs.push(`名称 ${g.名称} vs ${t.名称}`);
    if (JSON.stringify(g.前文 ?? []) !== JSON.stringify(t.前文 ?? [])) diffs.push(`前文 ${JSON.stringify(g.前文)} vs ${JSON.stringify(t.前文)}`);
    if (JSON.stringify(g.后文 ?? []) !== JSON.stringify(t.后文 ?? [])) diffs.push(`后文 ${JSON.stringify(g.后文)} vs ${JSON.stringify(t.后文)}`);
    if (JSON.stringify(trim(g.行)) !== JSON.stringify(trim(t.行))) diffs.push(`行 differ ${trim(g.行).length} vs ${trim(t.行).length}`);
    if (JSON.stringify([...(g.合并 ?? [])].sort()) !== JSON.stringify([...(t.合并 ?? [])].sort())) diffs.push(`合并 ${JSON.stringify(g.合并)} vs ${JSON.stringify(t.合并)}`);
    if (diffs.length) console.log('   ', t.名称, diffs.join(' | ').slice(0, 400));
  });
}
