/**
 * Numbers as a French or English trainee types them: "200,45" and "200.45"
 * are both 200.45 in both languages (a French keyboard's numeric pad types a
 * dot, a French writer a comma); spaces between thousands ("1 234,5") are
 * allowed; anything else ("20,0,1", "abc", "1.234,5") is refused, so nothing
 * is recorded from a value the trainee did not mean. Pure: unit-tested.
 */

export type Parsed = { ok: true; value: number } | { ok: false; empty: boolean };

// ordinary, no-break and narrow no-break spaces, as Intl writes thousands in French
const SPACES = /[\s\u00a0\u202f]/g;

export function parseDecimal(text: string): Parsed {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, empty: true };
  // spaces only between digit groups of three: "1 234,5", not "12 3"
  if (/[\s\u00a0\u202f]/.test(trimmed) && !/^[-+−]?\d{1,3}([\s\u00a0\u202f]\d{3})+([.,]\d+)?$/.test(trimmed)) return { ok: false, empty: false };
  const compact = trimmed.replace(SPACES, '').replace('−', '-');
  const m = /^([-+]?)(\d+)(?:[.,](\d+))?$|^([-+]?)[.,](\d+)$/.exec(compact);
  if (!m) return { ok: false, empty: false };
  const sign = m[1] ?? m[4] ?? '';
  const whole = m[2] ?? '0';
  const frac = m[3] ?? m[5] ?? '';
  const value = Number(`${sign}${whole}${frac ? `.${frac}` : ''}`);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, empty: false };
}
