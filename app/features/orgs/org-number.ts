const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/** Normalises "974 760 673" to "974760673". */
export const normaliseOrgNumber = (value: string) => value.replace(/[\s.]/g, "");

/** Brønnøysundregistrene's rule: nine digits, the last a modulus-11 check digit over the first eight. */
export function isValidOrgNumber(value: string): boolean {
  const digits = normaliseOrgNumber(value);
  if (!/^\d{9}$/.test(digits)) return false;
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(digits[i]), 0);
  const rest = sum % 11;
  const check = rest === 0 ? 0 : 11 - rest;
  return check !== 10 && check === Number(digits[8]);
}
