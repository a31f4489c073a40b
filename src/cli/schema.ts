// npm run schema: writes schemas/*.schema.json from the zod schemas (and the indicator framework
// configured in content/site.yaml), for editor autocompletion, and beside them the browser editor's
// forms (schemas/decap-cms.yml, npm run edit). Generated: never edit them by hand.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { jsonSchemaFiles } from '../lib/check/json-schema.ts';
import { cmsFormsText, CMS_FORMS_FILE } from '../lib/editor/cms-config.ts';
import { loadSiteConfig } from '../lib/site/site-config.ts';

export const SCHEMA_DIR = 'schemas';

await mkdir(SCHEMA_DIR, { recursive: true });
const framework = loadSiteConfig().indicatorFramework;
for (const [name, text] of Object.entries({ ...jsonSchemaFiles(framework), [CMS_FORMS_FILE]: cmsFormsText(framework) })) {
  await writeFile(join(SCHEMA_DIR, name), text);
  console.log(`已生成 ${join(SCHEMA_DIR, name)}`);
}
