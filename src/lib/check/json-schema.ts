// JSON Schemas for editors (yaml-language-server), generated from the zod schemas so that there is
// one definition of every shape. zod's cross-field rules (财政+其他=预算数, plans never decreasing,
// duplicate rows) have no JSON Schema form and stay with `npm run validate`; the rules JSON Schema
// can express are added here: amount and percent formats, decimals by money unit, and which
// 二级指标 belong to which 一级指标 in the configured framework.
import { z } from 'astro/zod';
import { amountSchema } from '../../schema/common.ts';
import { departmentSchemaFor } from '../../schema/department.ts';
import { MONEY_FIELDS } from '../../schema/table-layouts.ts';
import type { IndicatorFramework } from '../../schema/framework.ts';
import { percentSchema, projectSchema } from '../../schema/project.ts';
import { departmentEvaluationSchema, evaluationSchema, monitoringSchema } from '../../schema/results.ts';
import { siteSchema } from '../../schema/site.ts';
import { budgetDocumentSchema } from '../../schema/budget.ts';
import { SCHEMA_FILES } from '../../schema/schema-files.ts';

type Json = Record<string, unknown>;

const AMOUNT_TEXT = '^\\s*(\\d+|\\d{1,3}(,\\d{3})+)(\\.\\d+)?\\s*$';
const YUAN_TEXT = '^\\s*(\\d+|\\d{1,3}(,\\d{3})+)(\\.\\d{1,2})?\\s*$';

function generate(schema: z.ZodType): Json {
  return z.toJSONSchema(schema, {
    io: 'input',
    target: 'draft-7',
    unrepresentable: 'any',
    override: (ctx) => {
      const json = ctx.jsonSchema as Json;
      if (ctx.zodSchema === amountSchema) {
        delete json['type'];
        json['anyOf'] = [{ type: 'string', pattern: AMOUNT_TEXT }, { type: 'number', minimum: 0 }];
      } else if (ctx.zodSchema === percentSchema) {
        delete json['type'];
        json['anyOf'] = [{ type: 'number', minimum: 0, maximum: 100 }, { type: 'string', pattern: '^\\s*(\\d+(\\.\\d{1,2})?\\s*[%％]?)?\\s*$' }, { type: 'null' }];
      } else if (json['type'] === 'string' && json['minLength'] === 1 && !json['pattern']) {
        json['pattern'] = '\\S'; // zod trims before checking that a text is not empty
      }
    },
  }) as Json;
}

export function projectJsonSchema(framework: IndicatorFramework): Json {
  const json = generate(projectSchema({ framework }));
  const properties = json['properties'] as Record<string, Json>;
  const indicator = (properties['绩效指标']!['items'] as Json);
  indicator['anyOf'] = framework.map((f) => ({ properties: { 一级指标: { const: f.level1 }, 二级指标: { enum: f.level2 } } }));
  // 元 amounts are exact to the fen: at most two decimals (万元 may have up to six).
  json['if'] = { properties: { 金额单位: { const: '万元' } }, required: ['金额单位'] };
  json['then'] = {};
  json['else'] = { properties: Object.fromEntries([...MONEY_FIELDS].map((key) => [key, { anyOf: [{ type: 'string', pattern: YUAN_TEXT }, { type: 'number' }] }])) };
  return { title: '项目绩效目标表', ...json };
}

export function departmentJsonSchema(framework: IndicatorFramework): Json {
  return { title: '部门整体绩效目标', ...generate(departmentSchemaFor(framework)) };
}

export function siteJsonSchema(): Json {
  return { title: '网站设置', ...generate(siteSchema) };
}

export { SCHEMA_FILES };

/** The schema files `npm run schema` writes, by file name. */
export function jsonSchemaFiles(framework: IndicatorFramework): Record<string, string> {
  const text = (json: Json) => `${JSON.stringify(json, null, 2)}\n`;
  return {
    [SCHEMA_FILES.project]: text(projectJsonSchema(framework)),
    [SCHEMA_FILES.department]: text(departmentJsonSchema(framework)),
    [SCHEMA_FILES.site]: text(siteJsonSchema()),
    // Their cross-row rules (执行率, 总分, links to the targets) stay with the validator, like the projects'.
    [SCHEMA_FILES.monitoring]: text({ title: '项目执行监控表', ...generate(monitoringSchema({ framework })) }),
    [SCHEMA_FILES.evaluation]: text({ title: '项目支出绩效自评表', ...generate(evaluationSchema({ framework })) }),
    [SCHEMA_FILES.departmentEvaluation]: text({ title: '部门整体支出绩效自评表', ...generate(departmentEvaluationSchema(framework)) }),
    // The identities between cells and tables stay with the validator (src/lib/budget/budget-check.ts).
    [SCHEMA_FILES.budget]: text({ title: '部门预算、部门决算', ...generate(budgetDocumentSchema) }),
  };
}
