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
  db.exec(NAME_LINKS.map(nameLinkSql).join('\n'));
}

/**
 * Links found by name: `byKey` compares names as keys (case, spacing and
 * punctuation set aside), otherwise they must be equal. An account is never
 * its own parent.
 */
type NameLink = {
  table: EntityTable;
  name: string;
  link: string;
  target: EntityTable;
  targetName: string;
  isByKey: boolean;
};

const NAME_LINKS: NameLink[] = [
  {
    table: 'opportunities',
    name: 'account_name',
    link: 'account_id',
    target: 'accounts',
    targetName: 'name_key',
    isByKey: true,
  },
  {
    table: 'opportunities',
    name: 'product_name',
    link: 'product_id',
    target: 'products',
    targetName: 'name_key',
    isByKey: true,
  },
  {
    table: 'opportunities',
    name: 'owner_name',
    link: 'owner_user_id',
    target: 'users',
    targetName: 'name',
    isByKey: false,
  },
  {
    table: 'users',
    name: 'manager_name',
    link: 'team_id',
    target: 'teams',
    targetName: 'manager_name',
    isByKey: false,
  },
  {
    table: 'accounts',
    name: 'parent_name',
    link: 'parent_account_id',
    target: 'accounts',
    targetName: 'name_key',
    isByKey: true,
  },
];

function nameLinkSql(entry: NameLink): string {
  const { table, name, link, target, targetName } = entry;
  const wanted = entry.isByKey
    ? `name_key(${table}.${name})`
    : `${table}.${name}`;
  const notSelf = table === target ? ` AND x.id <> ${table}.id` : '';
  return `UPDATE ${table} SET ${link} = (
      SELECT x.id FROM ${target} x
      WHERE x.${targetName} = ${wanted}${notSelf}
      ORDER BY x.id LIMIT 1)
    WHERE ${name} IS NOT NULL AND ${link} IS NULL;`;
}

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
