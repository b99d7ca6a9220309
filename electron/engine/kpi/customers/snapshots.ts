// Churn and ARPU over a churn export's one row per customer. The table
// has no dates, so the values hold for any period.
import { metricNote } from '../../../../shared/metricNotes.js';
import { toMajor } from '../../../../shared/money.js';
import type { MetricContext, MetricDrill } from '../metricTypes.js';
import { moneySum, moneyNote } from '../common/money.js';
import { segmentCondition, unansweredNote } from '../common/segments.js';
import { hasTable } from '../common/tables.js';

// Charges carry no date: the latest rate of each currency converts them.
const LATEST = '9999-12-31';

export type SnapshotFigures = {
  customers: number;
  churned: number;
  /** Customers with a monthly charge, the ARPU denominator. */
  charged: number;
  /** Major units of the reporting currency, or null when a rate is missing. */
  monthlyCharges: number | null;
  note: string | null;
};

const EMPTY = { customers: 0, churned: 0, charged: 0, monthlyCharges: null };

function scope(context: MetricContext) {
  const segment = segmentCondition(context.filters, 'snapshots');
  const from =
    segment.where === '1'
      ? 'customer_snapshots c'
      : 'customer_snapshots c LEFT JOIN accounts a ON a.id = c.account_id';
  return { segment, from };
}

export function snapshotFigures(context: MetricContext): SnapshotFigures {
  const { segment, from } = scope(context);
  if (segment.unanswered.length > 0) {
    return {
      ...EMPTY,
      note: unansweredNote('snapshots', segment.unanswered),
    };
  }
  if (!hasTable(context.db, 'customer_snapshots')) {
    return {
      ...EMPTY,
      note: metricNote('noChurnTable'),
    };
  }
  const rows = context.db
    .prepare(
      `SELECT c.currency AS currency, count(*) AS customers,
              total(c.is_churned <> 0) AS churned,
              count(c.monthly_charges_minor) AS charged,
              sum(c.monthly_charges_minor) AS charges
         FROM ${from}
        WHERE ${segment.where}
        GROUP BY 1`,
    )
    .all(segment.params) as {
    currency: string;
    customers: number;
    churned: number;
    charged: number;
    charges: number | null;
  }[];
  const charges = moneySum(context.rates);
  let customers = 0;
  let churned = 0;
  let charged = 0;
  for (const row of rows) {
    customers += row.customers;
    churned += row.churned;
    charged += row.charged;
    if (row.charges !== null) charges.add(row.charges, row.currency, LATEST);
  }
  const totalMinor = charges.totalMinor();
  return {
    customers,
    churned,
    charged,
    monthlyCharges:
      totalMinor === null ? null : toMajor(totalMinor, context.rates.reporting),
    note:
      moneyNote(context.rates.reporting, [charges]) ??
      (customers === 0 ? metricNote('emptyChurnTable') : null),
  };
}

/** The accounts of the snapshot rows; churned ones only for the churn rate. */
export function snapshotDrill(
  context: MetricContext,
  id: 'snapshot_churn_rate' | 'snapshot_arpu',
): MetricDrill {
  const { segment } = scope(context);
  const churned = id === 'snapshot_churn_rate' ? 'c.is_churned <> 0 AND ' : '';
  return {
    entity: 'accounts',
    where: `a.id IN (SELECT c.account_id FROM customer_snapshots c
      WHERE ${churned}${segment.where})`,
    params: segment.params,
  };
}
