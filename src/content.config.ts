// Content collections over content/ (see src/lib/site/content-layout.ts). The schemas are the ones in
// src/schema, so the site, the validator and the importer agree on every shape.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { departmentSchemaFor } from './schema/department.ts';
import { projectSchema } from './schema/project.ts';
import { CONTENT_DIR, DEPARTMENT_EVALUATION_GLOB, DEPARTMENT_GLOB, EVALUATION_GLOB, MONITORING_GLOB, PROJECT_GLOB, projectId } from './lib/site/content-layout.ts';
import { departmentEvaluationSchema, evaluationSchema, monitoringSchema } from './schema/results.ts';
import { loadSiteConfig } from './lib/site/site-config.ts';
import { projectRulesOf } from './schema/site.ts';

const site = loadSiteConfig();

const projects = defineCollection({
  loader: glob({
    pattern: PROJECT_GLOB,
    base: CONTENT_DIR,
    // Permalinks come from year, unit and code, so renaming or reordering files changes no URL.
    generateId: ({ data }) => projectId({ fiscalYear: Number(data['年度']), unitCode: String(data['单位编码']), code: String(data['项目编码'] ?? data['网址标识']) }),
  }),
  schema: projectSchema(projectRulesOf(site)),
});

const departments = defineCollection({
  loader: glob({
    pattern: DEPARTMENT_GLOB,
    base: CONTENT_DIR,
    generateId: ({ data }) => `${Number(data['年度'])}/${String(data['单位编码'])}`,
  }),
  schema: departmentSchemaFor(projectRulesOf(site).framework),
});

/** A monitoring or self-evaluation table has the permalink key of the project it reports on. */
const perProject = (pattern: string) =>
  glob({
    pattern,
    base: CONTENT_DIR,
    generateId: ({ data }) => projectId({ fiscalYear: Number(data['年度']), unitCode: String(data['单位编码']), code: String(data['项目编码'] ?? data['网址标识']) }),
  });

const monitoring = defineCollection({ loader: perProject(MONITORING_GLOB), schema: monitoringSchema(projectRulesOf(site)) });
const evaluations = defineCollection({ loader: perProject(EVALUATION_GLOB), schema: evaluationSchema(projectRulesOf(site)) });
const departmentEvaluations = defineCollection({
  loader: glob({ pattern: DEPARTMENT_EVALUATION_GLOB, base: CONTENT_DIR, generateId: ({ data }) => `${Number(data['年度'])}/${String(data['单位编码'])}` }),
  schema: departmentEvaluationSchema(projectRulesOf(site).framework),
});

export const collections = { projects, departments, monitoring, evaluations, departmentEvaluations };
