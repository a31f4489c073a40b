// Marked placeholders that `npm run new` writes into a new content file. The validator reports
// every one still there as unfinished, so a half-filled table is never published by accident.
export const PLACEHOLDER = '【待填写';

/** A placeholder with a hint of what to write: `【待填写：金额，例如 100000.00】`. */
export const placeholder = (hint?: string) => (hint ? `${PLACEHOLDER}：${hint}】` : `${PLACEHOLDER}】`);

export const isPlaceholder = (value: unknown): value is string => typeof value === 'string' && value.includes(PLACEHOLDER);
