/**
 * agentscript's bundle (dist/agentscript.js) builds a 1x1 canvas when it loads, for turning CSS
 * colour strings into pixels (Color.sharedCtx1x1). In a browser that is a DOM canvas, in a
 * worker an OffscreenCanvas, in Deno `createCanvas`; Node has none of them, so the import throws
 * "OffscreenCanvas is not defined". The model classes (Model, Patches, Turtles) never draw, so a
 * canvas that draws nothing is enough to load them headless. Import this module before
 * 'agentscript'; it defines nothing when a real OffscreenCanvas exists.
 */

class NullContext2D {
  fillStyle: string = '#000';
  clearRect(): void {}
  fillRect(): void {}
  getImageData(_x: number, _y: number, width: number, height: number): { data: Uint8ClampedArray } {
    return { data: new Uint8ClampedArray(4 * width * height) };
  }
}

class NullOffscreenCanvas {
  constructor(
    public width: number,
    public height: number,
  ) {}
  getContext(): NullContext2D {
    return new NullContext2D();
  }
}

const scope = globalThis as { OffscreenCanvas?: unknown };
if (scope.OffscreenCanvas === undefined) scope.OffscreenCanvas = NullOffscreenCanvas;
