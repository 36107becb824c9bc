import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * Customer ids are searched in any case (`Dp-13000` finds Superstore's `DP-13000`, and a
 * platform's `tb_Buyer77` is found as `TB_BUYER77`): an index on the kind and the value in
 * small letters (SQLite's `lower`, which folds A–Z) lets the search box look an id up
 * without reading every identity on each keystroke. Phones and e-mails are stored in one
 * form and never looked up this way, so they are left out and imports do not pay for them;
 * masked phones are in, as the search finds them by this index (the unique one leaves them
 * out). A query uses the index only when it repeats this condition word for word.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX customer_identities_folded
    ON customer_identities(kind, lower(value))
    WHERE kind IN ('member', 'platform', 'external', 'masked_phone')`.execute(db);
}
