// Writing a 部门预算/决算 file as staff read it (the corpus's shape): one table after another, each row of
// cells on one line in brackets, every cell quoted (a code like 2010101 or an amount stays the text printed),
// and the empty set `npm run new` starts from: the tables the province's set requires, titled as printed.
import { Document, isScalar, visit } from 'yaml';
import type { BudgetSet } from '../../schema/budget-tables.ts';
import type { BudgetDocument } from '../../schema/budget.ts';
import { placeholder } from '../site/placeholders.ts';

/** The JSON Schema line editors read, for the tool's own content folder (content/<year>/<unit>/budget.yaml). */
const SCHEMA_LINE = ' yaml-language-server: $schema=../../../schemas/budget.schema.json';

/**
 * The file's text. `schema` is its first comment line: the commands pass the path worked out from the
 * folder the file goes into (lib/import/write-yaml.ts schemaLine), so that a county's content outside the
 * tool points its editor at the tool's schema.
 */
export function budgetYaml(doc: BudgetDocument, schema = SCHEMA_LINE): string {
  const out = new Document(doc);
  out.commentBefore = `${schema}\n ${doc.种类}：表格照公开的原件逐格录入（空格写 ""）；情况说明写在同名的 .md 文件里。改完运行 npm run validate 检查。`;
  visit(out, {
    Seq(_, node) {
      // A row (a list of cells), 前文, 合并 and 后文 on one line each, as the corpus writes them.
      if (node.items.every((x) => isScalar(x))) node.flow = true;
    },
    Scalar(key, node) {
      // Values quoted, keys not: `名称: "收入决算表"`.
      if (key !== 'key' && typeof node.value === 'string') node.type = 'QUOTE_DOUBLE';
    },
  });
  return out.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** An empty set for a unit-year: each table the set lists, titled as printed, one placeholder row to fill or import. */
export function budgetStarter(set: BudgetSet, { year, 地区, 单位 }: { year: number; 地区?: string; 单位?: string }): BudgetDocument {
  return {
    地区: 地区 ?? placeholder('地区，以省级名称开头，例如 上海市普陀区'),
    单位: 单位 ?? placeholder('单位名称，照表册'),
    年度: year,
    种类: set.种类,
    表套: set.name,
    表格: set.tables.map((t) => {
      const title = t.title.replace('{年度}', String(year));
      return {
        名称: title,
        前文: [title, `单位：${t.unit}`],
        行: [[placeholder(`照公开的表逐格录入${t.columns.length ? `（表头：${t.columns.join('、')}…）` : ''}，或用 npm run import 从预算系统导出的 Excel 导入`)]],
        ...(t.required ? {} : { 后文: [placeholder('本单位不公开这张表时删去整张表')] }),
      };
    }),
  };
}
