// How records find each other: by a key of the same source (a
// subscription's account key), through a linked record (a feature use's
// account is its subscription's), or by name (a deal's account, owner and
// product). Links are resolved after every batch, so files can come in any
// order; a record whose name or key changes has its link cleared and found
// again.
import { followMerges } from '../identity/merge.js';
import type { Db } from '../store/database.js';
import type { EntityTable } from './presets/types.js';

/**
 * Links made by a key of the same source: a subscription's `account_key`
 * is the external id of an account from the system that exported both.
 */
const KEY_LINKS = [
  {
    table: 'subscriptions',
    link: 'account_id',
    key: 'account_key',
    target: 'accounts',
  },
  {
    table: 'invoices',
    link: 'account_id',
    key: 'account_key',
    target: 'accounts',
  },
  {
    table: 'tickets',
    link: 'account_id',
    key: 'account_key',
    target: 'accounts',
  },
  {
    table: 'contacts',
    link: 'account_id',
    key: 'company_name',
    target: 'accounts',
  },
  {
    table: 'campaign_spend',
    link: 'campaign_id',
    key: 'campaign_key',
    target: 'campaigns',
  },
  {
    table: 'customer_snapshots',
    link: 'account_id',
    key: 'account_key',
    target: 'accounts',
  },
  {
    table: 'churn_events',
    link: 'account_id',
    key: 'account_key',
    target: 'accounts',
  },
  {
    table: 'feature_usage',
    link: 'subscription_id',
    key: 'subscription_key',
    target: 'subscriptions',
  },
] as const;

/**
 * Links taken over from a linked record, after the key links: a feature
 * use belongs to the account of its subscription.
 */
const VIA_LINKS = [
  {
    table: 'feature_usage',
    link: 'account_id',
    via: 'subscription_id',
    target: 'subscriptions',
  },
] as const;

function viaLinkSql({
  table,
  link,
  via,
  target,
}: (typeof VIA_LINKS)[number]): string {
  return `UPDATE ${table} SET ${link} = (
      SELECT x.${link} FROM ${target} x WHERE x.id = ${table}.${via})
    WHERE ${via} IS NOT NULL AND ${link} IS NULL;`;
}

function keyLinkSql({
  table,
  link,
  key,
  target,
}: (typeof KEY_LINKS)[number]): string {
  return `UPDATE ${table} SET ${link} = (
      SELECT x.id FROM ${target} x
      WHERE x.source = ${table}.source AND x.external_id = ${table}.${key})
    WHERE ${key} IS NOT NULL AND ${link} IS NULL;`;
}

/**
 * Joins records that name each other (a deal's account, owner and product;
 * an agent's team; an account's parent) once both sides are in the store,
 * whatever order the files came in.
 */
export function resolveLinks(db: Db): void {
  resolveKeyAndNameLinks(db);
  followMerges(db);
}

function resolveKeyAndNameLinks(db: Db): void {
  db.exec(KEY_LINKS.map(keyLinkSql).join('\n'));
  db.exec(VIA_LINKS.map(viaLinkSql).join('\n'));
  db.exec(`
    UPDATE opportunities SET account_id = (
      SELECT a.id FROM accounts a
      WHERE a.name_key = name_key(opportunities.account_name)
      ORDER BY a.id LIMIT 1)
    WHERE account_name IS NOT NULL AND account_id IS NULL;

    UPDATE opportunities SET product_id = (
      SELECT p.id FROM products p
      WHERE p.name_key = name_key(opportunities.product_name)
      ORDER BY p.id LIMIT 1)
    WHERE product_name IS NOT NULL AND product_id IS NULL;

    UPDATE opportunities SET owner_user_id = (
      SELECT u.id FROM users u WHERE u.name = opportunities.owner_name
      ORDER BY u.id LIMIT 1)
    WHERE owner_name IS NOT NULL AND owner_user_id IS NULL;

    UPDATE users SET team_id = (
      SELECT t.id FROM teams t WHERE t.manager_name = users.manager_name
      ORDER BY t.id LIMIT 1)
    WHERE manager_name IS NOT NULL AND team_id IS NULL;

    UPDATE accounts SET parent_account_id = (
      SELECT p.id FROM accounts p
      WHERE p.name_key = name_key(accounts.parent_name) AND p.id <> accounts.id
      ORDER BY p.id LIMIT 1)
    WHERE parent_name IS NOT NULL AND parent_account_id IS NULL;
  `);
}

/** Links found from a name, as `resolveKeyAndNameLinks` finds them. */
const NAME_LINKS: { table: EntityTable; name: string; link: string }[] = [
  { table: 'opportunities', name: 'account_name', link: 'account_id' },
  { table: 'opportunities', name: 'product_name', link: 'product_id' },
  { table: 'opportunities', name: 'owner_name', link: 'owner_user_id' },
  { table: 'users', name: 'manager_name', link: 'team_id' },
  { table: 'accounts', name: 'parent_name', link: 'parent_account_id' },
];

/** The link columns to clear when these fields of a record change. */
export function linksResolvedFrom(
  table: EntityTable,
  changed: readonly string[],
): string[] {
  const links = new Set<string>();
  for (const entry of NAME_LINKS) {
    if (entry.table === table && changed.includes(entry.name)) {
      links.add(entry.link);
    }
  }
  for (const entry of KEY_LINKS) {
    if (entry.table !== table || !changed.includes(entry.key)) continue;
    links.add(entry.link);
    // What was taken over through this link goes with it.
    for (const via of VIA_LINKS) {
      if (via.table === table && via.via === entry.link) links.add(via.link);
    }
  }
  return [...links];
}
