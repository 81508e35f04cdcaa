import { definePolicy } from './policy.ts';
import { placeSchema } from './placeBased.ts';
import { int, real, share } from '../../scenarios/schema/param.ts';
import type { World } from '../model/world.ts';
import { NONE, SpaceKind } from '../model/spaceTypes.ts';
import type { PolicyDay } from './policy.ts';
import { spacesIn } from './reach.ts';

/**
 * Holistic neighbourhood renewal (Turin, Porta Palazzo, in the seed report): public space,
 * markets and buildings are renewed with the community, the renewed market draws people
 * from the whole city, and residents have a reason to stay.
 */
export const neighbourhoodRenewal = definePolicy({
  type: 'neighbourhoodRenewal',
  title: 'Holistic renewal of public space and markets (Turin, Porta Palazzo)',
  source:
    'Seed report: Ilda Curti (Turin): "a holistic approach to try to improve the quality of life of ' +
    'everybody: housing, economy opportunity, social life, cultural initiatives, renewing public spaces ' +
    'and buildings reuse", with a community development approach; William Lacy Swing (IOM): shops, ' +
    'markets and community centres are "the social crucibles where the alchemy of integration will ' +
    'either succeed or fail". Porta Palazzo market, about 1,000 merchants and 40,000 ' +
    'visitors a day.',
  mechanism:
    'Works in the covered districts take `worksDays`; as they progress, the markets and community ' +
    'centres there gain equal status and common goals (shared, well-kept public space run with the ' +
    "community), the market of the first covered district draws a share `draw` of the whole city's " +
    'market visits (and market visits grow by that share), so people from every district meet there, and ' +
    'a share `retention` of the households that would move out of a renewed district because too few ' +
    'neighbours are like them stay. The capital cost per district is paid evenly over the works (a day ' +
    'the budget cannot pay does not advance them) and the running cost per district per day from the ' +
    'start; the effects last while the programme runs and scale with a political cut and a task force. ' +
    'It renews places, so it serves every group there.',
  defaultTarget: 'all',
  schema: placeSchema('neighbourhoodRenewal', 'Holistic renewal of public space and markets in districts.', {
    worksDays: int(730, 1, 36_500, { description: 'Days the renewal works take; the effects grow linearly over them.', unit: 'days', source: 'assumed' }),
    equalStatusRaise: share(0.2, {
      description: 'Rise of the equal-status condition of renewed markets and community centres.',
      unit: 'scale 0..1',
      source: 'assumed',
    }),
    commonGoalsRaise: share(0.2, {
      description: 'Rise of the common-goals condition of renewed markets and community centres (public space run with the community).',
      unit: 'scale 0..1',
      source: 'assumed',
    }),
    draw: share(0.2, {
      description: "Share of the whole city's market visits the renewed market draws once the works are done.",
      unit: 'share of market visits',
      source: 'assumed (Porta Palazzo draws about 40,000 visitors a day from all over Turin)',
    }),
    retention: share(0.3, {
      description: 'Share of the households of a renewed district that would move out for want of like neighbours but stay.',
      unit: 'share of moving households',
      source: 'assumed',
    }),
    capitalPerDistrict: real(5_000_000, 0, 1e12, {
      description: 'Capital cost of renewing one district, paid evenly over the works.',
      unit: 'currency per district',
      source: 'assumed',
    }),
    runningPerDistrictDay: real(1000, 0, 1e9, {
      description: 'Running cost per renewed district per day (market management, community development staff).',
      unit: 'currency per district per day',
      source: 'assumed',
    }),
  }),
  setup: () => ({ workDays: 0 }),
  apply(p, s, ctx) {
    const { world } = ctx;
    const D = world.sizes.districts;
    let districts = 0;
    for (let d = 0; d < D; d++) if (ctx.inDistrict(d)) districts++;
    const building = s.workDays < p.worksDays;
    const cost = districts * ctx.scale * ((building ? p.capitalPerDistrict / p.worksDays : 0) + p.runningPerDistrictDay);
    if (cost > ctx.budgetLeft) return 0;
    if (building) s.workDays = Math.min(p.worksDays, s.workDays + ctx.scale);
    const done = (s.workDays / p.worksDays) * ctx.scale;
    const conditionRaise = world.levers.conditionRaise;
    const raise = (sp: number, k: number) => {
      conditionRaise[sp * 4] += p.equalStatusRaise * k;
      conditionRaise[sp * 4 + 1] += p.commonGoalsRaise * k;
    };
    for (let d = 0; d < D; d++) {
      if (!ctx.inDistrict(d)) continue;
      const k = done * ctx.effectiveness[d];
      for (const kind of [SpaceKind.market, SpaceKind.community]) {
        const [first, end] = spacesIn(world, kind, d);
        for (let sp = first; sp < end; sp++) raise(sp, k);
      }
      world.levers.unhappyStayChance[d] = Math.min(1, 1 - (1 - world.levers.unhappyStayChance[d]) * (1 - p.retention * k));
    }
    const market = renewedMarket(world, ctx);
    if (market !== NONE) {
      const here = world.spaces.district[market];
      // A market outside the covered districts (none stands in the first) is renewed too.
      if (!ctx.inDistrict(here)) raise(market, done * ctx.effectiveness[here]);
      const first = firstCovered(ctx, D);
      world.levers.citywideMarket[0] = market;
      world.levers.citywideMarketDraw[0] = Math.min(1, p.draw * done * ctx.effectiveness[first]);
    }
    return cost;
  },
});

function firstCovered(ctx: PolicyDay, D: number): number {
  for (let d = 0; d < D; d++) if (ctx.inDistrict(d)) return d;
  return NONE;
}

/** The market of the first covered district, or the one nearest to it. */
function renewedMarket(world: World, ctx: PolicyDay): number {
  const d = firstCovered(ctx, world.sizes.districts);
  if (d === NONE) return NONE;
  const [first, end] = spacesIn(world, SpaceKind.market, d);
  return end > first ? first : world.lookup.marketOf[d];
}
