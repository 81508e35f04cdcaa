import type { World } from './world.ts';
import { districtDistance2, tractOf, type Grid } from './grid.ts';
import { NONE, SpaceKind } from './spaceTypes.ts';

/** Each dwelling's district, census tract and school (catchments by bands of rows). */
export function fillDwellings(world: World, grid: Grid, districtOfCell: Uint16Array): void {
  const { dwellings, lookup } = world;
  const D = world.sizes.districts;
  const schoolStart = SpaceKind.school * D;
  // Districts without a school send their children to the nearest district that has one.
  const schoolDistrict = new Int32Array(D);
  for (let d = 0; d < D; d++) {
    let best = NONE;
    let bestDist = Infinity;
    for (let e = 0; e < D; e++) {
      const has = lookup.typeDistrictStart[schoolStart + e + 1] > lookup.typeDistrictStart[schoolStart + e];
      const dist = districtDistance2(grid, d, e);
      if (has && dist < bestDist) {
        best = e;
        bestDist = dist;
      }
    }
    schoolDistrict[d] = best;
  }
  const rowStart = new Int32Array(D).fill(-1);
  const rowEnd = new Int32Array(D);
  for (let y = 0; y < grid.height; y++)
    for (let x = 0; x < grid.width; x++) {
      const d = districtOfCell[y * grid.width + x];
      if (rowStart[d] < 0) rowStart[d] = y;
      rowEnd[d] = y + 1;
    }
  for (let y = 0; y < grid.height; y++) {
    for (let x = 0; x < grid.width; x++) {
      const i = y * grid.width + x;
      const d = districtOfCell[i];
      dwellings.district[i] = d;
      dwellings.tract[i] = tractOf(grid, x, y);
      dwellings.occupant[i] = NONE;
      // Catchments: a district's schools take bands of rows, so schools mirror their streets.
      const sd = schoolDistrict[d];
      if (sd === NONE) {
        dwellings.school[i] = NONE;
        continue;
      }
      const first = lookup.typeDistrictStart[schoolStart + sd];
      const k = lookup.typeDistrictStart[schoolStart + sd + 1] - first;
      const band = sd === d ? Math.floor(((y - rowStart[d]) * k) / (rowEnd[d] - rowStart[d])) : 0;
      dwellings.school[i] = first + Math.min(k - 1, band);
    }
  }
}
