/**
 * A space to build with the city besides those of the scenario's space types: a classroom
 * or a meeting centre that a policy needs. `compile()` receives the list; it does not know
 * who asked.
 */
export interface SpaceRequest {
  kind: 'class' | 'centre';
  district: number;
  conditions: [number, number, number, number];
  encounters: number;
}

/** The requests for a city of this many districts (known once the grid is sized). */
export type SpaceRequests = (districts: number) => readonly SpaceRequest[];
