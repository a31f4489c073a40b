// JSON for cache keys: one text per value, and never one for two different values.
/**
 * JSON that refuses what JSON would silently change (NaN and ±Infinity become null, a Map or a
 * Set becomes {}), so that two different inputs can never share a key: such inputs are not cached.
 */
export function strictJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if ((typeof v === 'number' && !Number.isFinite(v)) || v instanceof Map || v instanceof Set || typeof v === 'function' || typeof v === 'symbol') {
      throw new TypeError('not representable in JSON');
    }
    return v;
  });
}
