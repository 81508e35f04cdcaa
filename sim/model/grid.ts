/** Geometry of the dwelling grid: districts are equal rectangles, tracts equal squares. */
export interface Grid {
  width: number;
  height: number;
  districtsX: number;
  districtsY: number;
  wrap: boolean;
  tractSize: number;
}

export function gridFor(households: number, density: number, city: Omit<Grid, 'width' | 'height'>): Grid {
  // Rounded, not ceiled: 2471 residents at density 0.95 make NetLogo's 51 x 51 grid.
  const dwellings = Math.max(1, households, Math.round(households / density));
  const width = Math.max(1, Math.ceil(Math.sqrt(dwellings)));
  const height = Math.max(1, Math.ceil(dwellings / width));
  return { ...city, width, height, districtsX: Math.min(city.districtsX, width), districtsY: Math.min(city.districtsY, height) };
}

export function districtOf(g: Grid, x: number, y: number): number {
  return Math.floor((y * g.districtsY) / g.height) * g.districtsX + Math.floor((x * g.districtsX) / g.width);
}

/** Bounding box [x0, y0, x1, y1) of a district. */
export function districtBox(g: Grid, d: number): [number, number, number, number] {
  const cx = d % g.districtsX;
  const cy = Math.floor(d / g.districtsX);
  const x0 = Math.ceil((cx * g.width) / g.districtsX);
  const x1 = Math.ceil(((cx + 1) * g.width) / g.districtsX);
  const y0 = Math.ceil((cy * g.height) / g.districtsY);
  const y1 = Math.ceil(((cy + 1) * g.height) / g.districtsY);
  return [x0, y0, x1, y1];
}

export function tractsAcross(g: Grid): number {
  return Math.ceil(g.width / g.tractSize);
}

export function tractCount(g: Grid): number {
  return tractsAcross(g) * Math.ceil(g.height / g.tractSize);
}

export function tractOf(g: Grid, x: number, y: number): number {
  return Math.floor(y / g.tractSize) * tractsAcross(g) + Math.floor(x / g.tractSize);
}

/** Squared distance between district centres, for "the nearest district that has one". */
export function districtDistance2(g: Grid, a: number, b: number): number {
  const dx = (a % g.districtsX) - (b % g.districtsX);
  const dy = Math.floor(a / g.districtsX) - Math.floor(b / g.districtsX);
  return dx * dx + dy * dy;
}
