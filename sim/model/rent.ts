import type { World } from './world.ts';
import { districtDistance2, districtOf, type Grid } from './grid.ts';

/** Each district's rent: dearer toward the centre, by `housing.rentGradient`. */
export function fillRents(world: World, grid: Grid): void {
  const D = world.sizes.districts;
  const scenario = world.scenario;
  const centreDistrict = districtOf(grid, Math.floor(grid.width / 2), Math.floor(grid.height / 2));
  let far = 0;
  for (let d = 0; d < D; d++) far = Math.max(far, Math.sqrt(districtDistance2(grid, d, centreDistrict)));
  for (let d = 0; d < D; d++) {
    const closeness = far > 0 ? 1 - Math.sqrt(districtDistance2(grid, d, centreDistrict)) / far : 1;
    world.district.rent[d] = 1 + scenario.housing.rentGradient * (closeness - 0.5);
  }
}
