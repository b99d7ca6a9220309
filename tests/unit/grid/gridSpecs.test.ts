import { afterEach, describe, expect, it } from 'vitest';
import { GRID_ENTITIES } from '../../../shared/contract.js';
import { GRID_SPECS } from '../../../electron/engine/grid/gridColumns.js';
import { gridRows } from '../../../electron/engine/grid/gridQuery.js';
import { tempWorkspace, type TempDir } from '../../support/workspace.js';

let temp: TempDir | undefined;
afterEach(() => temp?.remove());

describe('grid specs', () => {
  it.each(GRID_ENTITIES)(
    'the %s grid sorts by every column and searches its text',
    (entity) => {
      const workspace = tempWorkspace();
      temp = workspace.temp;
      for (const column of GRID_SPECS[entity].columns) {
        const page = gridRows(workspace.db, {
          entity,
          offset: 0,
          limit: 10,
          sort: [{ column: column.id, direction: 'desc' }],
          filters: {},
          quickSearch: 'x',
        });
        expect(page).toEqual({ rows: [], total: 0 });
      }
    },
  );

  it('gives every money column its currency beside it', () => {
    for (const entity of GRID_ENTITIES) {
      const ids = GRID_SPECS[entity].columns.map((column) => column.id);
      const hasMoney = GRID_SPECS[entity].columns.some(
        (column) => column.type === 'money',
      );
      if (hasMoney) expect(ids, entity).toContain('currency');
    }
  });
});
