// Layouts of a marketplace's reference files (the Olist set): its sellers,
// who are the accounts its closed deals were won with, and the English
// names of its product categories. They share the source of the Olist
// funnel layouts.
import { nameKey } from '../values/numbers.js';
import { str } from './fieldValues.js';
import { defineLayout } from './layout.js';

export const marketplaceSellers = defineLayout({
  id: 'marketplace-sellers',
  source: 'funnel',
  entity: 'accounts',
  fields: [
    { name: 'seller_id', kind: 'text', headers: ['seller_id'] },
    // Text, not a number: many prefixes start with a zero.
    {
      name: 'seller_zip_code_prefix',
      kind: 'text',
      headers: ['seller_zip_code_prefix'],
    },
    { name: 'seller_city', kind: 'text', headers: ['seller_city'] },
    { name: 'seller_state', kind: 'text', headers: ['seller_state'] },
  ],
  requires: [['seller_id'], ['seller_zip_code_prefix'], ['seller_city']],
  identity: (values) => str(values['seller_id']),
  identityColumns: ['seller_id'],
  keepsZeros: ['postal_code'],
  // The file names no seller, so the id is the name; a closed deal names
  // its seller by that id and so finds the account.
  toRecord(values) {
    const name = str(values['seller_id']) ?? '';
    return {
      name,
      name_key: nameKey(name),
      postal_code: str(values['seller_zip_code_prefix']),
      city: str(values['seller_city']),
      region: str(values['seller_state']),
    };
  },
});

export const categoryLabels = defineLayout({
  id: 'category-labels',
  source: 'funnel',
  entity: 'category_labels',
  fields: [
    {
      name: 'product_category_name',
      kind: 'text',
      headers: ['product_category_name'],
    },
    {
      name: 'product_category_name_english',
      kind: 'text',
      headers: ['product_category_name_english'],
    },
  ],
  requires: [['product_category_name'], ['product_category_name_english']],
  required: ['product_category_name_english'],
  identity: (values) => str(values['product_category_name']),
  identityColumns: ['product_category_name'],
  toRecord(values) {
    return {
      name: str(values['product_category_name']),
      label: str(values['product_category_name_english']),
      language: 'en',
    };
  },
});
