// A hand-made subscription book for the recurring-revenue tests. Reporting
// currency USD; EUR is worth 1.10 USD from 2024-01-01 and 1.20 from
// 2024-03-15.
//
//  sub  customer        plan   cur  MRR     start       end
//  S1   A1 Retail/US    Pro    USD  100.00  2024-01-10  -
//  S2   A1              Addon  USD   50.00  2024-02-05  2024-04-15
//  S3   A2 Tech/DE      Basic  EUR  200.00  2024-01-01  2024-03-31 (last day)
//  S4   A2              Basic  EUR  150.00  2024-05-20  -
//  S5   A3 Retail/US    Pro    USD   80.00  2024-02-29  -  (starts last day)
//  S6   A3              Addon  USD   20.00  2024-03-03  -
//  S7   A4 (trial)      Basic  USD  999.00  2024-01-01  2024-05-01
//  S8   key K-9 only    Basic  USD   30.00  2024-04-01  2024-06-30 (last day)
//  S9   A5 Tech/US      Basic  USD   40.00  2024-01-15  2024-05-15
//  S10  A5              Basic  USD   45.00  2024-05-15  -  (renews S9)
//
// Month ends in USD (EUR at the month end's rate):
//  Jan  A1 100 + A2 200x1.10=220 + A5 40                  = 360  (3 paying)
//  Feb  A1 150 + A2 220 + A3 80 + A5 40                   = 490  (4)
//  Mar  A1 150 + A3 100 + A5 40 (S3 ends on Mar 31)       = 290  (3)
//  Apr  A1 100 + A3 100 + A5 40 + K 30                    = 270  (4)
//  May  A1 100 + A2 150x1.20=180 + A3 100 + A5 45 + K 30  = 455  (5)
//  Jun  A1 100 + A2 180 + A3 100 + A5 45 (S8 ends Jun 30) = 425  (4)
// Movements:
//  Jan  new 100 + 220 + 40 = 360
//  Feb  expansion 50 (A1 adds S2); new 80 (A3)
//  Mar  expansion 20 (A3 adds S6); churn 200 EUR x 1.20 = 240 (A2);
//       490 + 20 - 240 = 270, so exchange rates moved MRR by +20
//  Apr  contraction 50 (A1 drops S2, keeps S1); new 30 (K-9)
//  May  reactivation 180 (A2 paid at Jan and Feb ends); expansion 5 (A5)
//  Jun  churn 30 (K-9)
import type { Db } from '../../../electron/engine/store/database.js';

type Row = [
  string,
  number | null,
  string | null,
  string,
  string,
  number,
  string,
  string | null,
  number,
];

//           id     account key    plan     cur    MRR    start         end           trial
const SUBSCRIPTIONS: Row[] = [
  ['S1', 1, 'A1', 'Pro', 'USD', 10000, '2024-01-10', null, 0],
  ['S2', 1, 'A1', 'Addon', 'USD', 5000, '2024-02-05', '2024-04-15', 0],
  ['S3', 2, 'A2', 'Basic', 'EUR', 20000, '2024-01-01', '2024-03-31', 0],
  ['S4', 2, 'A2', 'Basic', 'EUR', 15000, '2024-05-20', null, 0],
  ['S5', 3, 'A3', 'Pro', 'USD', 8000, '2024-02-29', null, 0],
  ['S6', 3, 'A3', 'Addon', 'USD', 2000, '2024-03-03', null, 0],
  ['S7', 4, 'A4', 'Basic', 'USD', 99900, '2024-01-01', '2024-05-01', 1],
  ['S8', null, 'K-9', 'Basic', 'USD', 3000, '2024-04-01', '2024-06-30', 0],
  ['S9', 5, 'A5', 'Basic', 'USD', 4000, '2024-01-15', '2024-05-15', 0],
  ['S10', 5, 'A5', 'Basic', 'USD', 4500, '2024-05-15', null, 0],
];

export function seedRecurringFixture(db: Db): void {
  db.exec(`
    INSERT INTO users (id, name) VALUES (1, 'Ann');
    INSERT INTO accounts (id, name, name_key, industry, country, channel,
        owner_user_id) VALUES
      (1, 'A1', 'a1', 'Retail', 'US', 'partner', 1),
      (2, 'A2', 'a2', 'Tech', 'DE', 'organic', NULL),
      (3, 'A3', 'a3', 'Retail', 'US', 'organic', 1),
      (4, 'A4', 'a4', 'Tech', 'US', 'organic', NULL),
      (5, 'A5', 'a5', 'Tech', 'US', 'partner', NULL);
    INSERT INTO exchange_rates (rate_on, from_currency, to_currency, rate)
    VALUES ('2024-01-01', 'EUR', 'USD', '1.10'),
           ('2024-03-15', 'EUR', 'USD', '1.20');
  `);
  const insert = db.prepare(
    `INSERT INTO subscriptions (external_id, account_id, account_key, plan,
       currency, mrr_minor, start_on, end_on, is_trial)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const row of SUBSCRIPTIONS) insert.run(...row);
}
