// Whether a file as written fits its form. A value of another type than its field (a list where a
// text belongs, a text where the indicator rows belong) would crash Decap's editor or be lost on
// save, so such a file is refused with the field named, and never overwritten from the form.
import type { FormField } from './cms-config.ts';

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
const isEmpty = (v: unknown) => v === undefined || v === null;

/** What a widget holds, in the words of the message. */
const EXPECTED: Record<FormField['widget'], string> = {
  string: '一项文字或数字',
  text: '一段文字',
  select: '一个选项',
  markdown: '一段文字',
  number: '一个数字',
  boolean: 'true 或 false',
  list: '一组条目（每条以“- ”开头）',
  object: '一组字段（下一行缩进写“字段名: 值”）',
};

function written(v: unknown): string {
  if (Array.isArray(v)) return '一组条目';
  if (isMap(v)) return '一组字段';
  return `“${String(v)}”`;
}

function fits(field: FormField, value: unknown): boolean {
  if (isEmpty(value)) return true;
  switch (field.widget) {
    case 'string':
    case 'text':
    case 'select':
    case 'markdown':
      return typeof value === 'string' || typeof value === 'number';
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'list':
      return Array.isArray(value);
    case 'object':
      return isMap(value);
  }
}

/** `绩效指标[3].指标值` as the validator writes paths (1-based rows). */
const join = (path: string, key: string | number) => (typeof key === 'number' ? `${path}[${key + 1}]` : path ? `${path}.${key}` : key);

/** The first value that does not fit its field, as a Chinese sentence naming the field; undefined when the file fits. */
export function formMisfit(fields: readonly FormField[], data: unknown, path = ''): string | undefined {
  if (!isMap(data)) return `文件的内容应是一组“字段名: 值”，这里是${written(data)}`;
  for (const field of fields) {
    const value = data[field.name];
    const at = join(path, field.name);
    if (!fits(field, value)) return `字段“${at}”应为${EXPECTED[field.widget]}，文件里写的是${written(value)}`;
    if (field.widget === 'object' && isMap(value)) {
      const inner = formMisfit(field.fields ?? [], value, at);
      if (inner) return inner;
    }
    if (field.widget === 'list' && Array.isArray(value)) {
      for (const [i, item] of value.entries()) {
        const row = join(at, i);
        if (field.fields) {
          if (!isMap(item)) return `字段“${row}”应为一组字段（一级指标、二级指标……），文件里写的是${written(item)}`;
          const inner = formMisfit(field.fields, item, row);
          if (inner) return inner;
        } else if (field.field && !fits(field.field, item)) return `字段“${row}”应为${EXPECTED[field.field.widget]}，文件里写的是${written(item)}`;
      }
    }
  }
  return undefined;
}
