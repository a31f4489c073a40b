// The save hook: Decap sends the whole entry as it serialises it (comments and blank lines gone,
// flow style and key order changed, a cleared field as ""). We write only what the form changed
// onto the file as written, through the yaml library's Document, so comments, blank lines, flow
// `{ 月份: 3, 累计比例: 25 }`, quoting, key order and `null` stay as they were; a cleared field
// becomes what the schema means by empty (`null` where an empty cell is null, otherwise left out),
// never "".
import { isMap, isScalar, parse, parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import type { FormField, KindForm } from './cms-config.ts';
import { formMisfit } from './form-fit.ts';

type Path = (string | number)[];
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A value the form leaves empty: nothing typed, or typed and cleared (Decap's ""). */
const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
/** Paths of the form (`资金支出计划.累计比例`), without row numbers. */
const formPath = (path: Path) => path.filter((k) => typeof k === 'string').join('.');

export type SaveResult = { ok: true; text: string; changed: boolean } | { ok: false; message: string };

/** What Decap sent, read: YAML for the tables, the Markdown body for about.md. */
export function readDecapEntry(raw: string, markdown: boolean): unknown {
  if (!markdown) return parse(raw) ?? {};
  // Decap writes the body after an (empty) front matter block.
  const m = /^---\r?\n[\s\S]*?\r?\n?---\r?\n?([\s\S]*)$/.exec(raw);
  return { body: m ? m[1] : raw };
}

/**
 * The new text of a file: the form's values applied onto the original. `original` is undefined for
 * a new file (`create` writes it then). Refused when the original does not fit the form.
 */
export function applyForm(form: KindForm, original: string | undefined, submitted: unknown, create: (data: Record<string, unknown>) => string, markdown = false): SaveResult {
  if (!isRecord(submitted)) return { ok: false, message: '表单送来的内容不是一组字段，没有保存' };
  if (markdown) {
    const body = String(submitted['body'] ?? '');
    const text = body.endsWith('\n') ? body : `${body}\n`;
    return { ok: true, text: original !== undefined && original.trimEnd() === text.trimEnd() ? original : text, changed: original === undefined || original.trimEnd() !== text.trimEnd() };
  }
  if (original === undefined) return { ok: true, text: create(cleaned(form, form.fields, submitted, []) as Record<string, unknown>), changed: true };
  const doc = parseDocument(original);
  const before = doc.toJS() as unknown;
  const misfit = formMisfit(form.fields, before);
  if (misfit) return { ok: false, message: `${misfit}。表单无法显示这个文件，它没有被改动；请用文本编辑器按 npm run validate 的提示改正后再打开` };
  const changed = applyMap(doc, form, form.fields, [], before as Record<string, unknown>, submitted);
  return { ok: true, text: changed ? doc.toString({ lineWidth: 0 }) : original, changed };
}

/** A new value without its blanks: what a new row or a new file holds. */
function cleaned(form: KindForm, fields: readonly FormField[] | undefined, value: unknown, path: Path): unknown {
  if (Array.isArray(value)) return value.map((item, i) => cleaned(form, fields, item, [...path, i]));
  if (!isRecord(value) || !fields) return value;
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const v = value[field.name];
    const at = [...path, field.name];
    if (isBlank(v)) {
      if (form.nullable.includes(formPath(at)) && v !== undefined) out[field.name] = null;
      continue;
    }
    out[field.name] = cleaned(form, field.fields, v, at);
  }
  return out;
}

/** The same value for a reader of the file: 25 and "25" are one percent; "40000.00" and 40000 are not the same writing. */
const sameScalar = (a: unknown, b: unknown) => a === b || (typeof a === 'number' && typeof b === 'string' && String(a) === b.trim());

/** The value to write: a number stays a number where the file wrote one. */
function scalarFor(before: unknown, after: unknown): unknown {
  if (typeof before === 'number' && typeof after === 'string' && /^-?\d+(\.\d+)?$/.test(after.trim())) return Number(after.trim());
  return typeof after === 'string' ? after.trim() : after;
}

function applyMap(doc: Document, form: KindForm, fields: readonly FormField[], path: Path, before: Record<string, unknown>, after: Record<string, unknown>): boolean {
  let changed = false;
  for (const field of fields) {
    const key = field.name;
    const at = [...path, key];
    const b = before[key];
    const a = after[key];
    if (isBlank(a)) {
      if (b === undefined || b === null || (Array.isArray(b) && b.length === 0 && a !== undefined)) continue;
      if (form.nullable.includes(formPath(at))) {
        const node = doc.getIn(at, true);
        if (isScalar(node)) node.value = null;
        else doc.setIn(at, null);
      } else doc.deleteIn(at);
      changed = true;
    } else if (b === undefined || b === null) {
      insertKey(doc, fields, path, key, cleaned(form, field.fields, a, at));
      changed = true;
    } else if (field.widget === 'list' && Array.isArray(a) && Array.isArray(b)) {
      changed = applyList(doc, form, field, at, b, a) || changed;
    } else if (field.widget === 'object' && isRecord(a) && isRecord(b)) {
      changed = applyMap(doc, form, field.fields ?? [], at, b, a) || changed;
    } else if (!sameScalar(b, a)) {
      const node = doc.getIn(at, true);
      if (isScalar(node)) node.value = scalarFor(b, a);
      else doc.setIn(at, scalarFor(b, a));
      changed = true;
    }
  }
  return changed;
}

function applyList(doc: Document, form: KindForm, field: FormField, path: Path, before: unknown[], after: unknown[]): boolean {
  let changed = false;
  const seq = doc.getIn(path, true) as YAMLSeq;
  for (const [i, a] of after.entries()) {
    const b = before[i];
    const at = [...path, i];
    if (i >= before.length) {
      const node = doc.createNode(cleaned(form, field.fields, a, at));
      // A new row is written like its neighbours (`- { 月份: 12, 累计比例: 100 }` stays one line).
      const sibling = seq.items[seq.items.length - 1];
      if (isMap(sibling) && isMap(node)) node.flow = sibling.flow ?? false;
      seq.items.push(node);
      changed = true;
    } else if (field.fields && isRecord(a) && isRecord(b)) {
      changed = applyMap(doc, form, field.fields, at, b, a) || changed;
    } else if (!sameScalar(b, a)) {
      const node = seq.items[i];
      if (isScalar(node)) node.value = scalarFor(b, a);
      else seq.items[i] = doc.createNode(a);
      changed = true;
    }
  }
  if (after.length < before.length) {
    seq.items.splice(after.length);
    changed = true;
  }
  return changed;
}

/** Adds a key where the form (and the schema) puts it: before the next field the file already has. */
function insertKey(doc: Document, fields: readonly FormField[], path: Path, key: string, value: unknown) {
  const map = (path.length ? doc.getIn(path, true) : doc.contents) as YAMLMap | null;
  if (!isMap(map)) {
    doc.setIn([...path, key], value);
    return;
  }
  const later = new Set(fields.slice(fields.findIndex((f) => f.name === key) + 1).map((f) => f.name));
  const index = map.items.findIndex((p) => isScalar(p.key) && later.has(String(p.key.value)));
  const pair = doc.createPair(key, value);
  if (index < 0) map.items.push(pair);
  else map.items.splice(index, 0, pair);
}
