/**
 * Masks a phone number for display and logs: keeps the first three and last four
 * digits (the convention shoppers know from receipts, e.g. 138****1234).
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  const national = digits.startsWith('86') && digits.length === 13 ? digits.slice(2) : digits;
  if (national.length < 7) return '*'.repeat(national.length);
  return `${national.slice(0, 3)}****${national.slice(-4)}`;
}

const wholeMobile = /^(?:86)?1[3-9]\d{9}$/;

/**
 * A phone another platform masked (`138****1234`), as the console keeps and shows it.
 * It stays as written when it shows at most seven digits (as many as `maskPhone` shows).
 * A cell showing more hid too little, e.g. a whole mobile with a stray star beside it
 * (`13812341234*`, a shop assistant's VIP mark): when its digits alone are a whole mobile
 * number they are masked as `maskPhone` does (`138****1234`); otherwise every digit
 * between its first three and last four characters is hidden (`1381234123*` →
 * `138****123*`), so no digit is moved and none of the hidden ones shows.
 */
export function maskMaskedPhone(masked: string): string {
  const digits = masked.replace(/\D/g, '');
  if (digits.length <= 7) return masked;
  if (wholeMobile.test(digits)) return maskPhone(digits);

  const chars = Array.from(masked);
  const middle = chars.slice(3, -4).map((ch) => (/\d/.test(ch) ? '*' : ch));
  return [...chars.slice(0, 3), ...middle, ...chars.slice(-4)].join('');
}
