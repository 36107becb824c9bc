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
