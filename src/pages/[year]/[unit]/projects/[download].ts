// One project's data as CSV (UTF-8 with BOM, for Excel), JSON (exactly its YAML) and XLSX (laid
// out like the approved table), beside its page; and its monitoring and self-evaluation as CSV,
// JSON and XLSX, also for a project that has results only. The bytes come from file-outputs.ts.
//
// For `npm run dev` only: `npm run build` writes these files outside Astro's render, beside it
// (src/lib/outputs/file-writer.ts), and sets the variable that makes this route list none.
import type { APIRoute, GetStaticPaths } from 'astro';
import { contentTypeOf, downloadOutputs, filesWrittenOutsideAstro, outputBytes, type FileOutput } from '../../../../lib/outputs/file-outputs.ts';
import { fileSourcesOf, unitYears } from '../../../../lib/site/site-content.ts';

export const getStaticPaths: GetStaticPaths = async () =>
  filesWrittenOutsideAstro()
    ? []
    : downloadOutputs(fileSourcesOf(await unitYears()))
        .filter((output) => output.kind === 'project' || output.kind === 'result')
        .map((output) => ({
          params: { year: String(output.entry.data.fiscalYear), unit: output.entry.data.unitCode, download: output.path.slice(output.path.lastIndexOf('/') + 1) },
          props: { output },
        }));

export const GET: APIRoute = async ({ props }) => {
  const output = props.output as FileOutput;
  return new Response((await outputBytes(output)) as BodyInit, { headers: { 'Content-Type': contentTypeOf(output) } });
};
