// The 部门整体支出绩效自评表 of a unit's year: as an Excel table laid out as published (it imports
// back to the same file), and as JSON exactly equal to its YAML. The bytes come from file-outputs.ts.
//
// For `npm run dev` only: `npm run build` writes these files outside Astro's render, beside it
// (src/lib/outputs/file-writer.ts), and sets the variable that makes this route list none.
import type { APIRoute, GetStaticPaths } from 'astro';
import { contentTypeOf, downloadOutputs, filesWrittenOutsideAstro, outputBytes, type FileOutput } from '../../../lib/outputs/file-outputs.ts';
import { fileSourcesOf, unitYears } from '../../../lib/site/site-content.ts';

export const getStaticPaths: GetStaticPaths = async () =>
  filesWrittenOutsideAstro()
    ? []
    : downloadOutputs(fileSourcesOf(await unitYears())).flatMap((output) =>
        output.kind === 'departmentEvaluation' ? [{ params: { year: String(output.entry.data.fiscalYear), unit: output.entry.data.unitCode, ext: output.ext }, props: { output } }] : [],
      );

export const GET: APIRoute = async ({ props }) => {
  const output = props.output as FileOutput;
  return new Response((await outputBytes(output)) as BodyInit, { headers: { 'Content-Type': contentTypeOf(output) } });
};
