// Zod's built-in messages in plain Chinese for people editing content: what is wrong and what to
// write instead. Field-specific messages written in the schemas take precedence over these.
import { z } from 'astro/zod';

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是/否（true 或 false）',
  array: '列表（每项以“- ”开头）',
  object: '一组字段（下一行缩进书写）',
  null: '空值',
  undefined: '空',
};

/** How a YAML value a person wrote is described back to them. */
export function describeInput(input: unknown): string {
  if (input === null || input === undefined) return '空值';
  if (Array.isArray(input)) return '列表';
  if (typeof input === 'object') return '一组字段';
  if (typeof input === 'string') return `文本“${input.length > 30 ? `${input.slice(0, 30)}…` : input}”`;
  if (typeof input === 'number') return `数字 ${input}`;
  return String(input);
}

/** The last named field on a path: `绩效指标[2].二级指标` → `二级指标`, `绩效目标[0]` → `绩效目标 第 1 项`. */
function fieldName(path: readonly PropertyKey[]): string {
  const last = path.at(-1);
  if (typeof last === 'number') return `${String(path.at(-2) ?? '')} 第 ${last + 1} 项`;
  return last === undefined ? '文件' : String(last);
}

function exampleOf(schema: unknown): unknown {
  const meta = schema ? z.globalRegistry.get(schema as z.ZodType) : undefined;
  return Array.isArray(meta?.examples) ? meta.examples[0] : undefined;
}

function shapeKeys(schema: unknown): string[] {
  const shape = (schema as { _zod?: { def?: { shape?: Record<string, unknown> } } })?._zod?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

/** The field name most like a misspelt one (most characters in common, at least half of them). */
function closest(written: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestScore = 0;
  for (const candidate of candidates) {
    const score = [...new Set(written)].filter((ch) => candidate.includes(ch)).length;
    if (score > bestScore) [best, bestScore] = [candidate, score];
  }
  return bestScore * 2 >= Math.max(written.length, 2) ? best : undefined;
}

const customError: z.core.$ZodErrorMap = (issue) => {
  const name = fieldName(issue.path ?? []);
  const example = exampleOf(issue.inst);
  const write = example === undefined ? '' : `例如：${name}: ${typeof example === 'string' ? example : JSON.stringify(example)}`;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `缺少必填字段“${name}”。请添加这一行${write ? `，${write}` : ''}`;
      return `“${name}”应为${TYPE_NAMES[issue.expected] ?? issue.expected}，这里是${describeInput(issue.input)}。${write}`;
    case 'unrecognized_keys': {
      const known = shapeKeys(issue.inst);
      const written = issue.input && typeof issue.input === 'object' ? Object.keys(issue.input) : [];
      const guess = closest(issue.keys[0] ?? '', known.filter((k) => !written.includes(k)));
      return (
        `不认识的字段“${issue.keys.join('”“')}”：请检查拼写或删除。` +
        (guess ? `是不是想写“${guess}”？` : known.length ? `这里可以写的字段有：${known.join('、')}` : '')
      );
    }
    case 'invalid_value':
      return `“${name}”只能是：${issue.values.map(String).join('、')}；这里是${describeInput(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'array') return `“${name}”至少要有 ${String(issue.minimum)} 项`;
      if (issue.origin === 'string') return `“${name}”不能为空。${write}`;
      return `“${name}”不能小于 ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'array') return `“${name}”最多 ${String(issue.maximum)} 项`;
      return `“${name}”不能大于 ${String(issue.maximum)}`;
    case 'invalid_format':
      return `“${name}”格式不对。${write}`;
    case 'invalid_union':
      return `“${name}”的写法不对，这里是${describeInput(issue.input)}。${write}`;
    default:
      return `“${name}”有误。${write}`;
  }
};

z.config({ customError });

/**
 * A field's own message for a wrongly written value; a missing field falls through to the
 * general “缺少必填字段” message, which names the field.
 */
export const whenWritten =
  (message: string) =>
  (issue: { input?: unknown }): string | undefined =>
    issue.input === undefined ? undefined : message;
