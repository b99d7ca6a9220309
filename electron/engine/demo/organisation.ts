// The selling organisation of the demo company: one head of sales, a team
// with a manager per region, six account executives per team, and the
// price list.
import type { BulkWriter } from './bulkWriter.js';
import { HISTORY_START, isoInstant } from './calendar.js';
import {
  PLATFORM_BY_SEGMENT,
  PRODUCTS,
  REGIONS,
  type ProductSpec,
  type Region,
  type Segment,
} from './catalogue.js';
import { FIRST_NAMES, LAST_NAMES } from './names.js';
import { Random, WeightedPicker } from './random.js';

export const AGENTS_PER_TEAM = 6;
export const COMPANY_DOMAIN = 'atlas-demo.example';

export type SalesAgent = {
  id: number;
  name: string;
  teamId: number;
  region: Region;
  /** How much better or worse than the house this rep closes. */
  winShift: number;
};

export type SalesTeam = {
  id: number;
  region: Region;
  managerName: string;
  agents: SalesAgent[];
};

export type DemoProduct = ProductSpec & { id: number; nameKey: string };

export type Organisation = {
  teams: SalesTeam[];
  agents: SalesAgent[];
  products: DemoProduct[];
  teamOf(region: Region): SalesTeam;
};

/** Lowercase letters and digits only, as name keys are stored. */
export function nameKeyOf(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function emailOf(first: string, last: string, domain: string): string {
  return `${nameKeyOf(first)}.${nameKeyOf(last)}@${domain}`;
}

/** Draws person names without repeats, for as long as the lists allow. */
export class PersonNames {
  private readonly random: Random;
  private readonly used = new Set<string>();

  constructor(random: Random) {
    this.random = random;
  }

  next(): { first: string; last: string; full: string } {
    for (let attempt = 0; ; attempt += 1) {
      const first = this.random.pick(FIRST_NAMES);
      const last = this.random.pick(LAST_NAMES);
      const full = `${first} ${last}`;
      if (!this.used.has(full) || attempt > 50) {
        this.used.add(full);
        return { first, last, full };
      }
    }
  }
}

export function writeOrganisation(
  writer: BulkWriter,
  seed: number,
): Organisation {
  const random = new Random(seed, 'organisation');
  const names = new PersonNames(random);
  const createdAt = isoInstant(HISTORY_START - 30, 9 * 3600);
  const insertTeam = writer.inserter(
    'teams',
    'id external_id created_at updated_at name region manager_name',
    { source: 'demo' },
  );
  const insertUser = writer.inserter(
    'users',
    `id external_id created_at updated_at name email role manager_name
      team_id`,
    { source: 'demo', is_active: 1 },
  );
  let userId = 0;
  const addUser = (
    person: { first: string; last: string; full: string },
    role: string,
    managerName: string | null,
    teamId: number | null,
  ): number => {
    userId += 1;
    insertUser([
      userId,
      `USR-${String(userId).padStart(4, '0')}`,
      createdAt,
      createdAt,
      person.full,
      emailOf(person.first, person.last, COMPANY_DOMAIN),
      role,
      managerName,
      teamId,
    ]);
    return userId;
  };

  const head = names.next();
  addUser(head, 'VP Sales', null, null);
  const teams: SalesTeam[] = REGIONS.map(({ region }, index) => {
    const teamId = index + 1;
    const manager = names.next();
    insertTeam([
      teamId,
      `TEAM-${teamId}`,
      createdAt,
      createdAt,
      `${region} Sales`,
      region,
      manager.full,
    ]);
    addUser(manager, 'Sales Manager', head.full, teamId);
    return { id: teamId, region, managerName: manager.full, agents: [] };
  });
  const agents: SalesAgent[] = [];
  for (const team of teams) {
    for (let seat = 0; seat < AGENTS_PER_TEAM; seat += 1) {
      const person = names.next();
      const id = addUser(
        person,
        'Account Executive',
        team.managerName,
        team.id,
      );
      const agent: SalesAgent = {
        id,
        name: person.full,
        teamId: team.id,
        region: team.region,
        winShift: random.between(-0.07, 0.07),
      };
      team.agents.push(agent);
      agents.push(agent);
    }
  }

  const products = writeProducts(writer, createdAt);
  const byRegion = new Map(teams.map((team) => [team.region, team]));
  return {
    teams,
    agents,
    products,
    teamOf(region) {
      const team = byRegion.get(region);
      if (!team) throw new RangeError(`teamOf: no team for ${region}`);
      return team;
    },
  };
}

/** The platform plan each segment usually buys, as a picker per segment. */
export function platformPickers(
  products: readonly DemoProduct[],
): Record<Segment, WeightedPicker<DemoProduct>> {
  const bySegment = (segment: Segment) =>
    new WeightedPicker(
      PLATFORM_BY_SEGMENT[segment].map(([index, weight]) => {
        const product = products[index];
        if (!product) throw new RangeError(`platformPickers: no ${index}`);
        return [product, weight] as const;
      }),
    );
  return {
    SMB: bySegment('SMB'),
    'Mid-Market': bySegment('Mid-Market'),
    Enterprise: bySegment('Enterprise'),
  };
}

function writeProducts(writer: BulkWriter, createdAt: string): DemoProduct[] {
  const insertProduct = writer.inserter(
    'products',
    `id external_id created_at updated_at name name_key family
      list_price_minor is_recurring`,
    { source: 'demo', currency: 'USD' },
  );
  return PRODUCTS.map((spec, index) => {
    const product: DemoProduct = {
      ...spec,
      id: index + 1,
      nameKey: nameKeyOf(spec.name),
    };
    insertProduct([
      product.id,
      `PRD-${product.id}`,
      createdAt,
      createdAt,
      product.name,
      product.nameKey,
      product.family,
      product.listPriceMinor,
      product.kind === 'service' ? 0 : 1,
    ]);
    return product;
  });
}
