// Reference data for the fictional company in the demo workspace: its sales
// regions, price list, pipeline stages and the word lists that names are
// made from. Every domain uses the reserved `.example` top-level domain so
// that no generated address can belong to anyone.

export type Region = 'North America' | 'EMEA' | 'APAC' | 'LATAM';

export const REGIONS: readonly {
  region: Region;
  weight: number;
  countries: readonly (readonly [string, number])[];
}[] = [
  {
    region: 'North America',
    weight: 45,
    countries: [
      ['United States', 8],
      ['Canada', 2],
    ],
  },
  {
    region: 'EMEA',
    weight: 30,
    countries: [
      ['United Kingdom', 3],
      ['Germany', 3],
      ['France', 2],
      ['Netherlands', 1],
      ['Sweden', 1],
      ['Spain', 1],
    ],
  },
  {
    region: 'APAC',
    weight: 15,
    countries: [
      ['Australia', 2],
      ['Japan', 2],
      ['South Korea', 2],
      ['Singapore', 1],
      ['India', 1],
    ],
  },
  {
    region: 'LATAM',
    weight: 10,
    countries: [
      ['Brazil', 2],
      ['Mexico', 2],
      ['Chile', 1],
      ['Argentina', 1],
    ],
  },
];

export type Segment = 'SMB' | 'Mid-Market' | 'Enterprise';

export const SEGMENTS: readonly (readonly [Segment, number])[] = [
  ['SMB', 55],
  ['Mid-Market', 32],
  ['Enterprise', 13],
];

export const EMPLOYEE_RANGE: Record<Segment, readonly [number, number]> = {
  SMB: [5, 99],
  'Mid-Market': [100, 999],
  Enterprise: [1000, 40000],
};

export const INDUSTRIES: readonly string[] = [
  'Software',
  'Financial Services',
  'Healthcare',
  'Manufacturing',
  'Retail',
  'Logistics',
  'Education',
  'Media',
  'Telecommunications',
  'Energy',
  'Professional Services',
  'Hospitality',
];

/** Where a customer came from; also the source of its deals. */
export const ACQUISITION_CHANNELS: readonly (readonly [string, number])[] = [
  ['Inbound', 40],
  ['Outbound', 25],
  ['Partner', 15],
  ['Referral', 12],
  ['Events', 8],
];

/** How much a deal's source moves its odds of being won. */
export const CHANNEL_WIN_SHIFT: Readonly<Record<string, number>> = {
  Inbound: 0.03,
  Outbound: -0.08,
  Partner: 0.05,
  Referral: 0.12,
  Events: 0,
};

export type ProductKind = 'platform' | 'addon' | 'service';

export type ProductSpec = {
  name: string;
  family: string;
  kind: ProductKind;
  /** Per seat per month for recurring products, per unit for services. */
  listPriceMinor: number;
  /** Priced per account rather than per seat. */
  isFlat: boolean;
};

export const PRODUCTS: readonly ProductSpec[] = [
  {
    name: 'Atlas Starter',
    family: 'Atlas Platform',
    kind: 'platform',
    listPriceMinor: 2_500,
    isFlat: false,
  },
  {
    name: 'Atlas Growth',
    family: 'Atlas Platform',
    kind: 'platform',
    listPriceMinor: 4_500,
    isFlat: false,
  },
  {
    name: 'Atlas Enterprise',
    family: 'Atlas Platform',
    kind: 'platform',
    listPriceMinor: 8_000,
    isFlat: false,
  },
  {
    name: 'Insights Add-on',
    family: 'Add-ons',
    kind: 'addon',
    listPriceMinor: 1_200,
    isFlat: false,
  },
  {
    name: 'Connect Add-on',
    family: 'Add-ons',
    kind: 'addon',
    listPriceMinor: 40_000,
    isFlat: true,
  },
  {
    name: 'Onboarding Package',
    family: 'Services',
    kind: 'service',
    listPriceMinor: 500_000,
    isFlat: true,
  },
  {
    name: 'Training Day',
    family: 'Services',
    kind: 'service',
    listPriceMinor: 180_000,
    isFlat: true,
  },
];

/** Index into PRODUCTS of the platform plan each segment usually buys. */
export const PLATFORM_BY_SEGMENT: Record<
  Segment,
  readonly (readonly [number, number])[]
> = {
  SMB: [
    [0, 75],
    [1, 25],
  ],
  'Mid-Market': [
    [0, 15],
    [1, 70],
    [2, 15],
  ],
  Enterprise: [
    [1, 25],
    [2, 75],
  ],
};

export const SEATS_BY_SEGMENT: Record<Segment, readonly [number, number]> = {
  SMB: [3, 25],
  'Mid-Market': [20, 150],
  Enterprise: [100, 800],
};

/** Stages a deal walks through while open, with their win probability. */
export const OPEN_STAGES: readonly {
  name: string;
  probability: number;
  forecastCategory: string;
}[] = [
  { name: 'Prospecting', probability: 0.1, forecastCategory: 'Pipeline' },
  { name: 'Qualification', probability: 0.2, forecastCategory: 'Pipeline' },
  { name: 'Proposal', probability: 0.5, forecastCategory: 'Best Case' },
  { name: 'Negotiation', probability: 0.75, forecastCategory: 'Commit' },
];

export const WON_STAGE = 'Closed Won';
export const LOST_STAGE = 'Closed Lost';
