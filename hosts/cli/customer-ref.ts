import type { CustomerRow } from '../../core/api/customers';
import type { App } from '../../core/service';
import { normalizeMemberId, normalizePhone } from '../../core/crm/identity/normalize';
import { maskAccountId, maskPhone } from '../../core/shared/mask';
import { call } from './call';
import type { Flags } from './commands';
import { CliFailure, exitCodes, usageError } from './exit';
import { messages } from './i18n';

/** The customer a command is about, and how the command line named them. */
export interface CustomerRef {
  /** The console's customer number (the grid's 编号/ID column). */
  id: number;
  /** How they were found when not by number, e.g. "member id 12347"; phones masked. */
  foundBy?: string;
}

/**
 * The customer named by exactly one of --customer (the console's own number), --member
 * (the member id the shop's files show) or --phone (normalised as the importer does).
 * An identity of a customer merged into another now sits on the survivor, so a member id
 * or phone finds the customer it belongs to today.
 */
export async function resolveCustomer(
  app: App,
  flags: Flags,
  command: string,
): Promise<CustomerRef> {
  const given = (['customer', 'member', 'phone'] as const).filter((k) => flags[k] !== undefined);
  if (given.length !== 1) {
    throw usageError(
      messages().whoNeeded(
        command,
        given.map((k) => `--${k}`),
      ),
    );
  }
  if (flags.member !== undefined) return byMember(app, flags.member);
  if (flags.phone !== undefined) return byPhone(app, flags.phone);
  return { id: customerNumber(flags.customer ?? '') };
}

/** --customer's value as the console's customer number; anything else is said with it. */
function customerNumber(value: string): number {
  const id = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (Number.isSafeInteger(id) && id > 0) return id;
  throw usageError(messages().customerNumberWrong(value));
}

async function byMember(app: App, raw: string): Promise<CustomerRef> {
  const member = normalizeMemberId(raw);
  if (member === undefined) throw usageError(messages().memberNeeded);
  // A member id that is a mobile number is a phone: said and compared masked, as shown.
  const shown = maskAccountId(member);
  const label = messages().byMember(shown);
  // The grid's search finds the member id exactly (and names and phones that contain it);
  // a mobile number, which the search would also find in other phones, goes by the key
  // filter, which finds it only whole. The customer page says who holds it as a member id.
  const rows = shown === member ? searchRows(app, member) : keyRows(app, member);
  for (const row of await rows) {
    const detail = await call(app, 'customers.get', { id: row.id });
    if (detail.identities.some((i) => i.kind === 'member' && i.value === shown)) {
      return { id: row.id, foundBy: label };
    }
  }
  throw notFound(label);
}

async function byPhone(app: App, raw: string): Promise<CustomerRef> {
  const phone = normalizePhone(raw);
  if (phone.kind !== 'phone') {
    throw usageError(messages().phoneNeeded);
  }
  const shown = maskPhone(phone.e164);
  const label = messages().byPhone(shown);
  // The search matches phones containing these digits; the customer page shows each phone
  // masked, which must be this one's mask.
  for (const row of await searchRows(app, phone.e164)) {
    const detail = await call(app, 'customers.get', { id: row.id });
    if (detail.identities.some((i) => i.kind === 'phone' && i.value === shown)) {
      return { id: row.id, foundBy: label };
    }
  }
  throw notFound(label);
}

async function keyRows(app: App, contains: string): Promise<CustomerRow[]> {
  const filters = [{ type: 'text' as const, column: 'key' as const, contains }];
  const rows: CustomerRow[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await call(app, 'customers.page', { filters, offset, limit: 500 });
    rows.push(...page.rows);
    if (page.rows.length < 500 || rows.length >= page.total) return rows;
  }
}

async function searchRows(app: App, search: string): Promise<CustomerRow[]> {
  const rows: CustomerRow[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await call(app, 'customers.page', { search, offset, limit: 500 });
    rows.push(...page.rows);
    if (page.rows.length < 500 || rows.length >= page.total) return rows;
  }
}

function notFound(label: string): CliFailure {
  return new CliFailure(
    {
      code: 'customers.not_found',
      message: messages().noneHas(label),
    },
    exitCodes.failed,
  );
}

/**
 * The customer page of a customer by number. A number that was never a customer is said
 * plainly; a merged-away customer keeps the core's message, which names the survivor.
 */
export async function customerDetail(app: App, id: number) {
  try {
    return await call(app, 'customers.get', { id });
  } catch (error) {
    throw noSuchCustomer(error, id);
  }
}

/** The core's "not found" for a number no customer has, in the CLI's words. */
export function noSuchCustomer(error: unknown, id: number): unknown {
  if (!(error instanceof CliFailure) || error.error.code !== 'customers.not_found') return error;
  const survivor = error.error.details?.mergedInto;
  if (typeof survivor === 'number') {
    const message = messages().mergedCustomer({ message: error.message, id, survivor });
    return new CliFailure({ ...error.error, message }, exitCodes.failed);
  }
  return new CliFailure(
    {
      ...error.error,
      message: messages().noSuchCustomer(id),
    },
    exitCodes.failed,
  );
}
