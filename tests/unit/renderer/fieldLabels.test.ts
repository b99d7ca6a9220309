// Every field label the mapping view can show reads in Korean too.
import { describe, expect, it } from 'vitest';
import { mappingTargets } from '../../../electron/engine/import/presets/mapping.js';
import {
  fieldLabel,
  KO_FIELD_LABELS,
} from '../../../renderer/src/i18n/fieldLabels.js';

describe('field labels of the mapping view', () => {
  it('has a Korean label for each label the engine gives, and no other', () => {
    const labels = new Set(
      mappingTargets().flatMap((target) =>
        target.fields.map((field) => field.label),
      ),
    );
    expect(Object.keys(KO_FIELD_LABELS).sort()).toEqual([...labels].sort());
    expect(fieldLabel('ko', 'close date')).toBe('마감일');
    expect(fieldLabel('en', 'close date')).toBe('close date');
  });
});
