// English conventions of the catalogue metrics that have one, word for word
// as the metric catalogue (shared/catalogue) writes them; a unit test holds
// the two equal. The paragraphs several metrics share are written once, as
// in the catalogue, so the Korean file can mirror them.
const MONTH_END =
  'A month counts at its last day: a subscription is active when start_on <= day and (no end_on or end_on > day), trials excluded; a customer is an account (its account key where the link is missing). Each currency is converted at the rate of that month end.';

const AT_PERIOD_END = `${MONTH_END} For a quarter, year or range: the value at its last month end.`;

const MOVEMENT = `Each customer’s MRR at the previous month end is compared with this month end: 0 -> x is new (reactivation when the customer paid at any earlier month end), x -> 0 churn, up expansion, down contraction. A customer dropping one of several subscriptions contracts. Amounts are converted at the rate of the month end of the movement; for a quarter, year or range the months whose last day lies in it are summed. ${MONTH_END}`;

const CHAINED =
  'For a quarter, year or range the monthly rates are chained: retention rates multiply, churn rates compound as 1 - product(1 - monthly rate); months with nothing at their start are skipped.';

const TERM =
  'A term runs from start_on up to end_on, counted as whole months plus the remaining days as a share of the following month. A subscription without an end date is read as a twelve-month term. Trials and subscriptions without MRR are left out.';

const ANSWERED =
  'A ticket counts in the period of its close date (its opening date while it is open), in UTC; tickets without a score were not answered and are left out.';

const CYCLE =
  'A deal starts at its creation date; where the source has none, at its engagement date. Deals without either are left out.';

const OPEN =
  'A deal is open at a day when it started on or before it (or has no start date) and was not closed by then.';

export const enMetricConventions = {
  'metric.mrr.convention': AT_PERIOD_END,
  'metric.arr.convention': AT_PERIOD_END,
  'metric.mrr_new.convention': MOVEMENT,
  'metric.mrr_expansion.convention': MOVEMENT,
  'metric.mrr_contraction.convention': MOVEMENT,
  'metric.mrr_churn.convention': MOVEMENT,
  'metric.mrr_reactivation.convention': MOVEMENT,
  'metric.net_new_mrr.convention': MOVEMENT,
  'metric.customers.convention': AT_PERIOD_END,
  'metric.logo_churn_rate.convention': `${CHAINED} ${MOVEMENT}`,
  'metric.gross_mrr_churn_rate.convention': `${CHAINED} ${MOVEMENT}`,
  'metric.grr.convention': `${CHAINED} ${MOVEMENT}`,
  'metric.nrr.convention': `Reactivation is added to the numerator only when the setting "reactivation counts in NRR" is on. ${CHAINED} ${MOVEMENT}`,
  'metric.arpa.convention': AT_PERIOD_END,
  'metric.clv.convention': `ARPA at the period’s last month end; the logo churn rate is the mean of the monthly logo churn rates over the churn window ending at that month end (months with no customers at their start are skipped). ${MONTH_END}`,
  'metric.quick_ratio.convention': MOVEMENT,
  'metric.renewal_rate.convention':
    'Up for renewal: paying subscriptions (not trials, MRR above 0) whose end_on falls in the period. Renewed: the same customer started another paying subscription within 30 days before or after that end (a new term, an upgrade or a downgrade). Open-ended subscriptions have no term ending and are not counted; the auto-renew flag is not read, since an end date records what happened.',

  'metric.cac.convention':
    'Spend is campaign spend dated in the period. A new customer is an account whose first paying month end (a month end on which one of its subscriptions is active with MRR above zero, trials excluded) falls in the period.',
  'metric.cac_payback_months.convention':
    'New-customer ARPA is the MRR of the new customers on their first paying month end ÷ new customers.',
  'metric.cost_per_lead.convention':
    "By channel: spend of the campaigns of a channel ÷ leads of that channel, where a lead's channel is its own or else its campaign's.",

  'metric.tcv.convention': TERM,
  'metric.revenue_backlog.convention': `${TERM} Revenue is recognised evenly, one MRR a month; subscriptions not yet started count their whole term. Amounts are converted at the rate of the period end.`,
  'metric.dso.convention':
    'Receivables are invoices issued on or before the period end and not settled by it; credit sales are invoices issued in the period.',
  'metric.receivables.convention':
    'Aged by days past due_on at the period end: current (not yet due, or no due date), 1–30, 31–60, 61–90 and over 90 days.',

  'metric.csat.convention': ANSWERED,
  'metric.csat_mean.convention': ANSWERED,
  'metric.adoption_rate.convention':
    'A paying subscription has MRR above zero and is not a trial; it is active in the period when it starts on or before the period end and has no end or ends after the period start. Use is a feature_usage row dated in the period with a usage count above zero.',
  'metric.snapshot_churn_rate.convention':
    'The snapshot table has one row per customer and no dates, so the value does not depend on the period.',
  'metric.snapshot_arpu.convention':
    "Every customer in the table counts, churned or not; the table has no dates, so the value does not depend on the period. Charges in another currency are converted at today's latest rate.",

  'metric.deals_open.convention':
    'Open at a day: started on or before it (or with no start date) and not won or lost by then. Without a period: open now.',
  'metric.bookings.convention':
    'Amounts in several currencies are not added; the value is then empty with a note.',
  'metric.median_sales_cycle_days.convention': CYCLE,
  'metric.mean_sales_cycle_days.convention': CYCLE,

  'metric.weighted_pipeline.convention': `${OPEN} The probability is the deal's own where it has one (0–1; values above 1 are read as percent), else from the stage: prospecting 10%, qualification 20%, engaging 30%, proposal 50%, negotiation 75%, commit 90%, any other stage 10%.`,
  'metric.sales_velocity.convention': `${OPEN} Open deals are counted at the period end; the average won deal size, win rate and mean cycle (creation, or else engagement, to close) come from deals closed in the period. The value is money per day.`,
  'metric.pipeline_coverage.convention':
    'Measured on the as-of day: the period end, or today while the period runs. Open pipeline is the amount of deals open on that day expected to close by the period end (or without an expected close). The quota is the team quotas inside the period, or the rep quotas where no team has one. No value when there is no quota or the quota is already met.',
} as const;
