// Publishes the content files themselves (YAML, Markdown, the approved source documents) under
// content/, so that every page can link to the file it was built from (file-outputs.ts lists them).
//
// For `npm run dev` only: `npm run build` copies these files outside Astro's render, beside it
// (src/lib/outputs/file-writer.ts), and sets the variable that makes this route list none.
import type { APIRoute, GetStaticPaths } from 'astro';
import { CONTENT_DIR } from '../../lib/site/content-layout.ts';
import { contentFiles, contentTypeOf, filesWrittenOutsideAstro, outputBytes, type FileOutput } from '../../lib/outputs/file-outputs.ts';

export const getStaticPaths: GetStaticPaths = () =>
  filesWrittenOutsideAstro() ? [] : contentFiles(CONTENT_DIR).map((output) => ({ params: { path: output.path.slice('content/'.length) }, props: { output } }));

export const GET: APIRoute = async ({ props }) => {
  const output = props.output as FileOutput;
  return new Response((await outputBytes(output)) as BodyInit, { headers: { 'Content-Type': contentTypeOf(output) } });
};
