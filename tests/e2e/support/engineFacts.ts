// What the engine and the raw sample say a figure should be, so the test
// can hold the page's numbers against both: a call to the running server
// through the same contract, and a count straight from the CSV files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { ArgsOf, MethodName, ResultOf } from '../../../shared/contract.js';
import type { Envelope } from '../../../shared/envelope.js';

/** Calls the browser-mode server as the page does, with its token. */
export async function callApi<M extends MethodName>(
  pageUrl: string,
  method: M,
  args: ArgsOf<M>,
): Promise<ResultOf<M>> {
  const url = new URL(pageUrl);
  const token = url.searchParams.get('token') ?? '';
  const response = await fetch(new URL(`/api/call/${method}`, url.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-revops-token': token },
    body: JSON.stringify(args),
  });
  const envelope = (await response.json()) as Envelope<ResultOf<M>>;
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
  return envelope.value;
}

export type WonDeal = { quarter: string; region: string | null };

function rowsOf(path: string): Record<string, string>[] {
  return parse(readFileSync(path, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];
}

/** The won deals of the Maven sample, by calendar quarter and region. */
export function mavenWonDeals(dir: string): WonDeal[] {
  const regionOf = new Map(
    rowsOf(join(dir, 'sales_teams.csv')).map((row) => [
      row['sales_agent'],
      row['regional_office'] ?? null,
    ]),
  );
  return rowsOf(join(dir, 'sales_pipeline.csv'))
    .filter((row) => row['deal_stage'] === 'Won')
    .map((row) => {
      const closed = row['close_date'] ?? '';
      const month = Number(closed.slice(5, 7));
      return {
        quarter: `${closed.slice(0, 4)}-Q${Math.ceil(month / 3)}`,
        region: regionOf.get(row['sales_agent']) ?? null,
      };
    });
}
