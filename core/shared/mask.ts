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

/** An id as ids are compared here: NFKC, trimmed, spaces and hyphens between digits dropped. */
function compactId(id: string): string {
  return id.normalize('NFKC').trim().replace(/[ -]/g, '');
}

const mobileId = /^(?:\+86|0086|86)?(1[3-9]\d{9})$/;

/**
 * The mainland mobile number an account id (a member, platform or external id) is, as 11
 * digits, or undefined when it is not one. Shops often use the customer's mobile as the
 * member id (会员号 = 手机号). What counts, after NFKC and trimming, with spaces and hyphens
 * dropped (`138 1234 5678`, `138-1234-5678`): 11 digits starting 1[3-9], alone or after
 * `+86`, `0086` or a bare `86` (`8613812345678`, `86-159 1234 5678`: tills that write the
 * country code without a plus). A 13-digit card number is a mobile only when it reads
 * 86 + 1[3-9] + 9 digits; a card that happens to have that shape is masked too, which hides
 * digits of an ordinary id rather than risk showing a phone. What does not count:
 * landlines and foreign numbers (too close to ordinary card numbers to tell apart), and an
 * id with any other character (`VIP13812345678`), which is a shop's own number.
 */
export function mobileInAccountId(id: string): string | undefined {
  return mobileId.exec(compactId(id))?.[1];
}

/**
 * The forms a mobile number (11 digits) is stored in as an id, spaces and hyphens dropped:
 * alone, after +86, after 0086, after a bare 86.
 */
export function mobileIdForms(mobile: string): string[] {
  return [mobile, `+86${mobile}`, `0086${mobile}`, `86${mobile}`];
}

/**
 * An account id (member, platform or external) as the console shows it where phones are
 * masked: a mainland mobile number masked as `maskPhone` does (`13812345678`,
 * `+86 138 1234 5678` → `138****5678`), any other id as it is.
 */
export function maskAccountId(id: string): string {
  const mobile = mobileInAccountId(id);
  return mobile === undefined ? id : maskPhone(mobile);
}
