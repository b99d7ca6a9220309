// The life of one deal: how long it takes, how far it gets, when it enters
// each stage and whether it is won, lost or still open on the anchor day.
// Kept apart from the writing so that the rules can be read in one place.
import { TODAY, type Day } from './calendar.js';
import { LOST_STAGE, OPEN_STAGES, WON_STAGE } from './catalogue.js';
import { Random, WeightedPicker } from './random.js';

export const MIN_CYCLE_DAYS = 20;
export const MAX_CYCLE_DAYS = 150;

/** Share of deals that stop moving and sit open past their close date. */
const STALL_RATE = 0.02;

/** Where lost deals drop out, as indices into OPEN_STAGES. */
const LOST_AFTER = new WeightedPicker([
  [0, 30],
  [1, 30],
  [2, 25],
  [3, 15],
]);

export type StageStep = { stage: string; day: Day };

export type DealShape = {
  status: 'open' | 'won' | 'lost';
  /** From the first stage to the current one, in order. */
  steps: StageStep[];
  /** Index into OPEN_STAGES of the current stage, -1 once closed. */
  openStage: number;
  engagedDay: Day | null;
  closedDay: Day | null;
  expectedCloseDay: Day;
};

export function shapeDeal(
  random: Random,
  createdDay: Day,
  cycleMedianDays: number,
  winProbability: number,
): DealShape {
  const cycle = Math.min(
    MAX_CYCLE_DAYS,
    Math.max(
      MIN_CYCLE_DAYS,
      Math.round(random.logNormal(cycleMedianDays, 0.45)),
    ),
  );
  const isWon = random.chance(winProbability);
  const lastOpen = isWon ? OPEN_STAGES.length - 1 : LOST_AFTER.pick(random);
  // A deal lost early dies sooner than one lost at the negotiating table.
  const closeOffset = isWon
    ? cycle
    : Math.max(1, Math.round(cycle * (0.3 + 0.175 * (lastOpen + 1))));
  const cuts: number[] = [];
  for (let index = 0; index < lastOpen; index += 1) cuts.push(random.next());
  cuts.sort((left, right) => left - right);
  const planned: StageStep[] = [
    { stage: stageName(0), day: createdDay },
    ...cuts.map((cut, index) => ({
      stage: stageName(index + 1),
      day: createdDay + Math.floor(cut * closeOffset),
    })),
  ];
  const closeDay = createdDay + closeOffset;
  const plannedClose = createdDay + cycle;

  if (plannedClose < TODAY && random.chance(STALL_RATE)) {
    const reached = random.int(0, lastOpen);
    return openShape(
      planned.slice(0, reached + 1),
      plannedClose + random.int(-5, 10),
    );
  }
  if (closeDay > TODAY) {
    const reached = planned.filter((step) => step.day <= TODAY);
    const expected = Math.max(closeDay + random.int(-7, 14), TODAY + 1);
    return openShape(reached, expected);
  }
  const steps = [
    ...planned,
    { stage: isWon ? WON_STAGE : LOST_STAGE, day: closeDay },
  ];
  return {
    status: isWon ? 'won' : 'lost',
    steps,
    openStage: -1,
    engagedDay: engagedDayOf(steps),
    closedDay: closeDay,
    expectedCloseDay: Math.max(createdDay, plannedClose + random.int(-10, 15)),
  };
}

function openShape(steps: StageStep[], expectedCloseDay: Day): DealShape {
  return {
    status: 'open',
    steps,
    openStage: steps.length - 1,
    engagedDay: engagedDayOf(steps),
    closedDay: null,
    expectedCloseDay,
  };
}

/** A deal counts as engaged once it is qualified. */
function engagedDayOf(steps: readonly StageStep[]): Day | null {
  return steps[1]?.day ?? null;
}

function stageName(index: number): string {
  const stage = OPEN_STAGES[index];
  if (!stage) throw new RangeError(`stageName: no open stage ${index}`);
  return stage.name;
}
