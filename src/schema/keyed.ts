// Content files use the Chinese labels of the approved table as YAML keys, so that finance staff
// read their files like the table they know; code uses English names. `keyed` is the one place
// where each Chinese key is tied to its English name and its schema.
import { z } from 'astro/zod';
import './messages.ts';

type Spec = Record<string, readonly [name: string, schema: z.ZodType]>;
type Output<S extends Spec> = { [K in keyof S as S[K][0]]: z.output<S[K][1]> };
type Shape<S extends Spec> = { -readonly [K in keyof S]: S[K][1] };

/**
 * A strict object (unknown keys are errors: a misspelt key must not be silently dropped) whose
 * input keys are Chinese and whose output keys are English. `check` sees the parsed input and
 * reports cross-field problems at Chinese paths, where the editor's file has them.
 */
export function keyed<const S extends Spec>(
  spec: S,
  check?: (value: z.output<z.ZodObject<Shape<S>>>, ctx: z.RefinementCtx) => void,
) {
  const shape = Object.fromEntries(Object.entries(spec).map(([key, [, schema]]) => [key, schema])) as Shape<S>;
  let object: z.ZodType<z.output<z.ZodObject<Shape<S>>>, z.input<z.ZodObject<Shape<S>>>> = z.strictObject(shape);
  // `when`: run the check even after errors in other fields, so that one run reports every
  // problem; checks therefore look only at fields that parsed.
  if (check) object = object.superRefine(check, { when: () => true });
  return object.transform((input) => {
    const output: Record<string, unknown> = {};
    for (const [key, [name]] of Object.entries(spec)) output[name] = (input as Record<string, unknown>)[key];
    return output as Output<S>;
  });
}

/** English name → Chinese key of a keyed spec, for writers (importer, exporters). */
export function keysOf<const S extends Spec>(spec: S): { [K in keyof S as S[K][0]]: K } {
  return Object.fromEntries(Object.entries(spec).map(([key, [name]]) => [name, key])) as never;
}
