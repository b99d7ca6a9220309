// The drill a grid call asks for, as extra conditions on its rows: the
// records behind a catalogue metric's value, or the deals behind a sales
// KPI.
import type { GridRowsArgs } from '../../../shared/contract.js';
import { WorkbenchError } from '../../../shared/envelope.js';
import { metricDrill, salesDrillUnder } from '../kpi/metricEngine.js';
import type { Db } from '../store/database.js';
import { readSettings } from '../store/settings.js';
import type { GridScope } from './gridQuery.js';

export function gridScope(
  db: Db,
  args: Pick<GridRowsArgs, 'entity' | 'drill' | 'metricDrill'>,
): GridScope | undefined {
  if (args.metricDrill) {
    const drill = metricDrill(db, args.metricDrill);
    if (drill.entity !== args.entity) {
      throw new WorkbenchError(
        'invalid_argument',
        `The rows behind ${args.metricDrill.metric} are ${drill.entity}, ` +
          `not ${args.entity}.`,
      );
    }
    return drill;
  }
  if (!args.drill) return undefined;
  if (args.entity !== 'opportunities') {
    throw new WorkbenchError(
      'invalid_argument',
      'Only the opportunities grid shows the deals behind a KPI.',
    );
  }
  const { where = [], ...drill } = args.drill;
  return salesDrillUnder(readSettings(db), drill, where);
}
