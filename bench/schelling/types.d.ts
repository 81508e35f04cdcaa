/**
 * agentscript ships JavaScript without type declarations: this is the small part of its API the
 * Schelling peer uses (src/Model.js, World.js, AgentArray.js, AgentList.js, Patch.js, Turtle.js,
 * utils.js of agentscript 0.10.27).
 */
declare module 'agentscript' {
  export interface WorldOptions {
    minX: number;
    maxX: number;
    minY: number;
    maxY: number;
    minZ?: number;
    maxZ?: number;
  }

  export class World {
    constructor(options?: WorldOptions);
    static defaultOptions(maxX?: number, maxY?: number, maxZ?: number): WorldOptions;
    minX: number;
    maxX: number;
    minY: number;
    maxY: number;
    numX: number;
    numY: number;
  }

  /** An Array of agents with NetLogo-style verbs. */
  export class AgentArray<T> extends Array<T> {
    /** Calls fcn for each agent, in array order. */
    ask(fcn: (agent: T, index: number, array: this) => void): void;
    /** NetLogo's `with`: the agents for which fcn is true. */
    with(fcn: (agent: T) => boolean): AgentArray<T>;
    /** Shuffles in place. */
    shuffle(): this;
    /** A random agent. */
    oneOf(): T;
  }

  export class AgentList<T> extends AgentArray<T> {
    constructor(model: Model, length?: number);
  }

  export interface Patch {
    readonly id: number;
    readonly x: number;
    readonly y: number;
    readonly z: number;
    /** Moore neighbours, computed on first use and then kept as an own property. */
    readonly neighbors: AgentList<Patch>;
    /** Turtles on this patch, kept up to date by Turtle.setxy once first asked for. */
    readonly turtlesHere: AgentList<Turtle>;
    sprout(num?: number, breed?: AgentArray<Turtle>, init?: (turtle: Turtle) => void): AgentArray<Turtle>;
  }

  export interface Turtle {
    readonly id: number;
    x: number;
    y: number;
    /** The patch under the turtle, looked up from x, y. */
    readonly patch: Patch;
    moveTo(agent: { x: number; y: number; z?: number }): void;
  }

  export class Model {
    constructor(worldOptions?: WorldOptions);
    world: World;
    patches: AgentArray<Patch> & { patchXY(x: number, y: number): Patch };
    turtles: AgentArray<Turtle>;
    ticks: number;
    setup(): void;
    step(): void;
  }

  export const util: {
    /** Replaces Math.random with a seeded Park-Miller generator (globally). */
    randomSeed(seed?: number): void;
  };
}
