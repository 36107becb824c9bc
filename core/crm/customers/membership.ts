import { sql } from 'kysely';
import type { RawBuilder, SqlBool } from 'kysely';
import type { IdentityKind } from '../../db/schema';

/**
 * What a member is in this console, written once here (the README's CRM section says the
 * same): a customer with a member id (会员号) or a whole phone number, the two keys a
 * Chinese chain enrols its members by. A customer known only by a delivery platform's id,
 * a masked phone (138****1234), an e-mail or one order's external id is an identified
 * customer, not a member: the chain can tell their orders apart but holds no membership
 * for them. A sale without any customer is anonymous.
 *
 * A merged customer's identities move to the customer they were merged into, so a
 * member id seen on either side makes the surviving customer a member.
 */
export const memberIdentityKinds: readonly IdentityKind[] = ['member', 'phone'];

/** The customer whose id is in `ref` (a column reference) is a member, as defined above. */
export function isMemberSql(ref: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`EXISTS (SELECT 1 FROM customer_identities mi
    WHERE mi.customer_id = ${sql.ref(ref)} AND mi.kind IN (${sql.join([...memberIdentityKinds])}))`;
}
