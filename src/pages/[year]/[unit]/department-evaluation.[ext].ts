// The 部门整体支出绩效自评表 of a unit's year: as an Excel table laid out as published (it imports
// back to the same file), and as JSON exactly equal to its YAML.
import type { APIRoute, GetStaticPaths } from 'astro';
import { isDemoSite } from '../../../lib/demo.ts';
import { rawOf } from '../../../lib/downloads.ts';
import { withDemoNotice } from '../../../lib/exports.ts';
import { lastChanged } from '../../../lib/git-dates.ts';
import { resultWorkbook } from '../../../lib/office/result-xlsx.ts';
import { DEPARTMENT_EVALUATION_DOWNLOADS } from '../../../lib/result-downloads.ts';
import { unitYears, type Entry } from '../../../lib/site-content.ts';
import type { DepartmentEvaluation } from '../../../schema/results.ts';

export const getStaticPaths: GetStaticPaths = async () =>
  (await unitYears()).flatMap((uy) =>
    uy.departmentEvaluation ? DEPARTMENT_EVALUATION_DOWNLOADS.map(({ ext }) => ({ params: { year: String(uy.year), unit: uy.unit, ext }, props: { entry: uy.departmentEvaluation } })) : [],
  );

export const GET: APIRoute = async ({ props, params }) => {
  const entry = props.entry as Entry<DepartmentEvaluation>;
  const raw = rawOf(entry);
  if (params.ext === 'json') return new Response(JSON.stringify(isDemoSite() ? withDemoNotice(raw) : raw, null, 2) + '\n', { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
  // Dated by the file's last change, not the clock: the same content gives the same bytes.
  const bytes = await resultWorkbook('departmentEvaluation', raw as Record<string, unknown>, { date: new Date(lastChanged(entry.file)) });
  return new Response(bytes as BodyInit, { headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
};
