// English formulas of every catalogue metric, word for word as the metric
// catalogue (shared/catalogue) defines them: a unit test holds the two
// equal, so a change to a definition there shows up here and in Korean.
export const enMetricFormulas = {
  'metric.mrr.formula':
    'Sum of the MRR of subscriptions active at the month end',
  'metric.arr.formula': 'ARR = MRR × 12',
  'metric.mrr_new.formula':
    'MRR of customers going from 0 to above 0 who never paid before',
  'metric.mrr_expansion.formula':
    'Increase of MRR of customers paying at both month ends',
  'metric.mrr_contraction.formula':
    'Decrease of MRR of customers paying at both month ends',
  'metric.mrr_churn.formula':
    'MRR of customers whose last paying subscription ended',
  'metric.mrr_reactivation.formula': 'MRR of former customers paying again',
  'metric.net_new_mrr.formula':
    'Net new MRR = new + expansion + reactivation − contraction − churn',
  'metric.customers.formula': 'Customers with MRR above 0 at the month end',
  'metric.logo_churn_rate.formula':
    'Logo churn rate = customers lost in the period ÷ customers at its start',
  'metric.gross_mrr_churn_rate.formula':
    'Gross MRR churn = (churn + contraction) ÷ starting MRR',
  'metric.grr.formula':
    'GRR = (starting MRR − contraction − churn) ÷ starting MRR',
  'metric.nrr.formula':
    'NRR = (starting MRR + expansion − contraction − churn) ÷ starting MRR',
  'metric.arpa.formula': 'ARPA = MRR ÷ paying customers',
  'metric.clv.formula': 'CLV = ARPA × gross margin ÷ logo churn rate',
  'metric.quick_ratio.formula':
    'Quick ratio = (new + expansion + reactivation) ÷ (contraction + churn)',
  'metric.renewal_rate.formula': 'Renewal rate = renewed ÷ up for renewal',

  'metric.cac.formula':
    'Sales and marketing spend in the period ÷ new customers in the period',
  'metric.cac_payback_months.formula':
    'CAC ÷ (new-customer ARPA × gross margin)',
  'metric.cost_per_lead.formula':
    'Campaign spend in the period ÷ leads created in the period',

  'metric.tcv.formula':
    'Σ MRR × months of term, over subscriptions starting in the period',
  'metric.revenue_backlog.formula':
    'Σ MRR × months of term left after the period end, over contracted subscriptions',
  'metric.dso.formula':
    'Receivables at period end ÷ credit sales in the period × days in the period',
  'metric.receivables.formula':
    'Σ invoices issued on or before the period end and not settled by it',

  'metric.csat.formula':
    'Answered tickets scoring 4 or 5 of 5 ÷ answered tickets',
  'metric.csat_mean.formula':
    'Σ scores of answered tickets ÷ answered tickets (1–5)',
  'metric.adoption_rate.formula':
    'Paying accounts that used any feature in the period ÷ accounts with an active paying subscription in the period',
  'metric.snapshot_churn_rate.formula':
    'Churned customers ÷ customers in the snapshot table',
  'metric.snapshot_arpu.formula':
    'Σ monthly charges ÷ customers in the snapshot table',

  'metric.deals_won.formula':
    'Opportunities won whose close date falls in the period',
  'metric.deals_lost.formula':
    'Opportunities lost whose close date falls in the period',
  'metric.deals_open.formula': 'Deals open at the end of the period',
  'metric.win_rate.formula':
    'won ÷ (won + lost), deals by close date in the period',
  'metric.bookings.formula':
    'Σ amount of deals won in the period, by close date',
  'metric.avg_won_deal_size.formula': 'bookings ÷ deals won with an amount',
  'metric.median_sales_cycle_days.formula':
    'median of (close date − start date) over deals won in the period',
  'metric.mean_sales_cycle_days.formula':
    'mean of (close date − start date) over deals won in the period',

  'metric.weighted_pipeline.formula':
    'Σ amount × stage probability, over deals open at the period end',
  'metric.sales_velocity.formula':
    'Open deals × average won deal size × win rate ÷ mean sales cycle days',
  'metric.pipeline_coverage.formula':
    'Open pipeline ÷ (quota for the period − bookings so far)',
} as const;
