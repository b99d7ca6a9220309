import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, DemoFiles } from './demoFiles.js';

const STAGE_ORDER = [
  'Prospecting',
  'Qualification',
  'Proposal',
  'Negotiation',
  'Closed Won',
  'Closed Lost',
];

const files = new DemoFiles();
let db: Database.Database;

// One default-sized demo serves every rule below: the rules must hold for
// the workspace people actually see on first start.
beforeAll(() => {
  db = files.generate({ seed: 42 }).db;
});
afterAll(() => files.cleanUp());

describe('demo pipeline', () => {
  it('has the default scale', () => {
    expect(count(db, 'SELECT count(*) FROM accounts')).toBe(300);
    expect(count(db, 'SELECT count(*) FROM opportunities')).toBe(3_000);
    expect(count(db, 'SELECT count(*) FROM subscriptions')).toBe(600);
    expect(count(db, 'SELECT count(*) FROM tickets')).toBe(1_500);
  });

  it('gives every deal a status that agrees with its stage', () => {
    const disagreeing = `
      SELECT count(*) FROM opportunities WHERE NOT (
        (stage = 'Closed Won' AND status = 'won' AND probability = 1)
        OR (stage = 'Closed Lost' AND status = 'lost' AND probability = 0)
        OR (stage IN ('Prospecting', 'Qualification', 'Proposal',
              'Negotiation') AND status = 'open'
            AND probability > 0 AND probability < 1))`;
    expect(count(db, disagreeing)).toBe(0);
    for (const status of ['open', 'won', 'lost']) {
      expect(
        count(
          db,
          'SELECT count(*) FROM opportunities WHERE status = ?',
          status,
        ),
        status,
      ).toBeGreaterThan(0);
    }
  });

  it('closes deals on or after they were created, and only closed ones', () => {
    expect(
      count(
        db,
        `SELECT count(*) FROM opportunities
         WHERE (status = 'open') <> (closed_on IS NULL)
            OR closed_on < created_on OR engaged_on < created_on
            OR engaged_on > coalesce(closed_on, engaged_on)
            OR expected_close_on < created_on`,
      ),
    ).toBe(0);
  });

  it('wins 35-45% of closed deals in 20-150 day cycles', () => {
    const won = count(
      db,
      "SELECT count(*) FROM opportunities WHERE status = 'won'",
    );
    const lost = count(
      db,
      "SELECT count(*) FROM opportunities WHERE status = 'lost'",
    );
    const winRate = won / (won + lost);
    expect(winRate).toBeGreaterThan(0.35);
    expect(winRate).toBeLessThan(0.45);
    const cycles = db
      .prepare(
        `SELECT julianday(closed_on) - julianday(created_on)
         FROM opportunities WHERE status = 'won'`,
      )
      .pluck()
      .all() as number[];
    expect(Math.min(...cycles)).toBeGreaterThanOrEqual(20);
    expect(Math.max(...cycles)).toBeLessThanOrEqual(150);
  });

  it('spreads deal sizes widely, skewed to the small end', () => {
    const amounts = db
      .prepare('SELECT amount_minor FROM opportunities ORDER BY amount_minor')
      .pluck()
      .all() as number[];
    const median = amounts[Math.floor(amounts.length / 2)] as number;
    const mean =
      amounts.reduce((sum, value) => sum + value, 0) / amounts.length;
    const largest = amounts.at(-1) as number;
    expect(mean).toBeGreaterThan(median);
    expect(largest / median).toBeGreaterThan(20);
    expect(amounts.every((amount) => amount % 100 === 0)).toBe(true);
  });

  it('walks each deal forward through its stages to its current stage', () => {
    const history = db
      .prepare(
        `SELECT opportunity_id, from_stage, to_stage, changed_on, recorded_at
         FROM opportunity_stage_history ORDER BY opportunity_id, id`,
      )
      .all() as {
      opportunity_id: number;
      from_stage: string | null;
      to_stage: string;
      changed_on: string;
      recorded_at: string;
    }[];
    const deals = new Map(
      (
        db
          .prepare('SELECT id, stage, created_on, closed_on FROM opportunities')
          .all() as {
          id: number;
          stage: string;
          created_on: string;
          closed_on: string | null;
        }[]
      ).map((deal) => [deal.id, deal]),
    );
    const byDeal = new Map<number, typeof history>();
    for (const step of history) {
      const steps = byDeal.get(step.opportunity_id) ?? [];
      steps.push(step);
      byDeal.set(step.opportunity_id, steps);
    }
    expect(byDeal.size).toBe(deals.size);
    for (const [id, steps] of byDeal) {
      const deal = deals.get(id);
      expect(deal, `deal ${id}`).toBeDefined();
      const first = steps[0];
      const last = steps.at(-1);
      expect(first?.from_stage).toBeNull();
      expect(first?.to_stage).toBe('Prospecting');
      expect(first?.changed_on).toBe(deal?.created_on);
      expect(last?.to_stage, `deal ${id}`).toBe(deal?.stage);
      if (deal?.closed_on) expect(last?.changed_on).toBe(deal.closed_on);
      steps.slice(1).forEach((step, index) => {
        const before = steps[index];
        expect(step.from_stage).toBe(before?.to_stage);
        expect(STAGE_ORDER.indexOf(step.to_stage)).toBeGreaterThan(
          STAGE_ORDER.indexOf(before?.to_stage ?? ''),
        );
        expect(step.changed_on >= (before?.changed_on ?? '')).toBe(true);
        expect(step.recorded_at >= (before?.recorded_at ?? '')).toBe(true);
      });
    }
  });

  it('sets quotas per rep and team for every quarter and the next one', () => {
    expect(count(db, 'SELECT count(DISTINCT period_start) FROM quotas')).toBe(
      13,
    );
    expect(
      count(
        db,
        "SELECT count(*) FROM quotas WHERE period_start = '2026-07-01'",
      ),
    ).toBe(24 + 4);
    const teamSums = `
      SELECT count(*) FROM quotas t WHERE t.user_id IS NULL AND t.amount_minor
        <> (SELECT sum(r.amount_minor) FROM quotas r WHERE r.user_id IS NOT NULL
              AND r.team_id = t.team_id AND r.period_start = t.period_start)`;
    expect(count(db, teamSums)).toBe(0);
  });
});

describe('demo subscriptions and billing', () => {
  it('gives trials zero MRR and paid plans a price', () => {
    expect(
      count(db, 'SELECT count(*) FROM subscriptions WHERE is_trial = 1'),
    ).toBeGreaterThan(0);
    expect(
      count(
        db,
        `SELECT count(*) FROM subscriptions
         WHERE is_trial = 1 AND mrr_minor <> 0`,
      ),
    ).toBe(0);
    expect(
      count(
        db,
        `SELECT count(*) FROM subscriptions
         WHERE is_trial = 0 AND mrr_minor <= 0`,
      ),
    ).toBe(0);
    const lines = `
      SELECT count(*) FROM subscriptions s JOIN contract_lines l
        ON l.subscription_id = s.id
      WHERE s.mrr_minor <> l.quantity * l.unit_price_minor`;
    expect(count(db, lines)).toBe(0);
  });

  it('has churn, expansion, monthly and annual billing', () => {
    expect(
      count(
        db,
        `SELECT count(*) FROM subscriptions WHERE is_trial = 0
           AND end_on IS NOT NULL AND end_on < start_on`,
      ),
    ).toBe(0);
    expect(
      count(
        db,
        `SELECT count(*) FROM subscriptions
         WHERE status = 'cancelled' AND end_on IS NOT NULL`,
      ),
    ).toBeGreaterThan(0);
    const overlapping = `
      SELECT count(DISTINCT a.account_id) FROM subscriptions a
      JOIN subscriptions b ON b.account_id = a.account_id AND b.id > a.id
       AND b.is_trial = 0 AND a.is_trial = 0
       AND b.start_on > a.start_on
       AND b.start_on < coalesce(a.end_on, '9999-12-31')`;
    expect(count(db, overlapping)).toBeGreaterThan(10);
    for (const period of ['monthly', 'annual']) {
      expect(
        count(
          db,
          'SELECT count(*) FROM subscriptions WHERE billing_period = ?',
          period,
        ),
      ).toBeGreaterThan(0);
    }
  });

  it('pays settled invoices in full and leaves some late or unpaid', () => {
    expect(
      count(
        db,
        `SELECT count(*) FROM invoices WHERE settled_on < issued_on
           OR due_on <= issued_on
           OR (status = 'paid') <> (settled_on IS NOT NULL)`,
      ),
    ).toBe(0);
    const unpaidPayments = `
      SELECT count(*) FROM invoices i
      LEFT JOIN payments p ON p.invoice_id = i.id
      WHERE (i.settled_on IS NULL) <> (p.id IS NULL)
         OR p.amount_minor <> i.amount_minor OR p.paid_on <> i.settled_on
         OR p.account_id <> i.account_id`;
    expect(count(db, unpaidPayments)).toBe(0);
    expect(
      count(db, 'SELECT count(*) FROM invoices WHERE settled_on > due_on'),
    ).toBeGreaterThan(0);
    expect(
      count(db, "SELECT count(*) FROM invoices WHERE status = 'overdue'"),
    ).toBeGreaterThan(0);
    expect(
      count(db, 'SELECT count(*) FROM invoices WHERE is_disputed = 1'),
    ).toBeGreaterThan(0);
  });

  it('bills no trial and nothing before a subscription starts', () => {
    const unbilled = `
      SELECT count(*) FROM invoices i WHERE NOT EXISTS (
        SELECT 1 FROM subscriptions s WHERE s.account_id = i.account_id
          AND s.is_trial = 0 AND s.start_on <= i.issued_on)`;
    expect(count(db, unbilled)).toBe(0);
  });
});

describe('demo tickets', () => {
  it('closes tickets after opening them and scores some of them 1 to 5', () => {
    expect(
      count(
        db,
        `SELECT count(*) FROM tickets WHERE closed_at < opened_at
           OR (closed_at IS NULL) <> (resolution_hours IS NULL)
           OR (closed_at IS NULL AND satisfaction_score IS NOT NULL)
           OR satisfaction_score NOT IN (1, 2, 3, 4, 5)
           OR first_response_minutes <= 0`,
      ),
    ).toBe(0);
    const scored = count(
      db,
      'SELECT count(*) FROM tickets WHERE satisfaction_score IS NOT NULL',
    );
    const closed = count(
      db,
      'SELECT count(*) FROM tickets WHERE closed_at IS NOT NULL',
    );
    expect(scored).toBeGreaterThan(0);
    expect(scored).toBeLessThan(closed);
    expect(count(db, 'SELECT count(DISTINCT priority) FROM tickets')).toBe(4);
  });

  it('answers urgent tickets faster than low ones', () => {
    const median = (priority: string): number => {
      const values = db
        .prepare(
          `SELECT first_response_minutes FROM tickets
           WHERE priority = ? AND first_response_minutes IS NOT NULL
           ORDER BY first_response_minutes`,
        )
        .pluck()
        .all(priority) as number[];
      return values[Math.floor(values.length / 2)] as number;
    };
    expect(median('Urgent')).toBeLessThan(median('Low'));
  });
});
