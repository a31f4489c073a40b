/** The JSON Schema file of each kind of content file: `npm run schema` writes them into the tool's schemas/, and a file names its own on its first line. */
export const SCHEMA_FILES = {
  project: 'project.schema.json',
  department: 'department.schema.json',
  site: 'site.schema.json',
  monitoring: 'monitoring.schema.json',
  evaluation: 'evaluation.schema.json',
  departmentEvaluation: 'department-evaluation.schema.json',
  budget: 'budget.schema.json',
} as const;
export type SchemaKind = keyof typeof SCHEMA_FILES;
