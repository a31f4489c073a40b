// The 公开情况 of a year as CSV (src/pages/[year]/disclosure.astro shows the same rows).
import type { APIRoute, GetStaticPaths } from 'astro';
import { disclosureCsv, disclosureYears, yearDisclosure } from '../../lib/outputs/budget-downloads.ts';
import { sharedFirstCommitted } from '../../lib/history/history.ts';
import { budgetEntries } from '../../lib/site/budget-entries.ts';
import { CONTENT_DIR } from '../../lib/site/content-layout.ts';

export const getStaticPaths: GetStaticPaths = () => disclosureYears(budgetEntries()).map((year) => ({ params: { year: String(year) }, props: { year } }));

export const GET: APIRoute = ({ props }) => {
  const year = (props as { year: number }).year;
  const csv = disclosureCsv(yearDisclosure(budgetEntries(), year, sharedFirstCommitted(CONTENT_DIR)));
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
