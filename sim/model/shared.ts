/**
 * Typed arrays backed by SharedArrayBuffer, registered by name, so that the threads of a run can
 * map the very same memory from a plain description (no copying of state, ever). A browser
 * page that is not cross-origin isolated has no SharedArrayBuffer: there the arrays are
 * plain ArrayBuffers, for one thread.
 */
export type Kind = 'u8' | 'u16' | 'i32' | 'u32' | 'f32' | 'f64';
export type TypedArray = Uint8Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;

const CTOR = {
  u8: Uint8Array,
  u16: Uint16Array,
  i32: Int32Array,
  u32: Uint32Array,
  f32: Float32Array,
  f64: Float64Array,
} as const;

const Buffer: new (bytes: number) => ArrayBufferLike = typeof SharedArrayBuffer === 'function' ? SharedArrayBuffer : ArrayBuffer;

type SharedCtor = new (buffer: SharedArrayBuffer, offset: number, length: number) => TypedArray;

function view<K extends Kind>(kind: K, buffer: SharedArrayBuffer, length: number): InstanceType<(typeof CTOR)[K]> {
  return new (CTOR[kind] as unknown as SharedCtor)(buffer, 0, length) as InstanceType<(typeof CTOR)[K]>;
}

export interface SharedDescription {
  [name: string]: { kind: Kind; length: number; buffer: SharedArrayBuffer };
}

/** Allocates named shared arrays and remembers them for `describe()`. */
/** Buffers to take before allocating anew: the memory of this thread's previous run (spareMemory.ts). */
export interface SpareBuffers {
  take(name: string, bytes: number): SharedArrayBuffer | undefined;
}

export class SharedArrays {
  private readonly entries: SharedDescription = {};

  constructor(private readonly spare?: SpareBuffers) {}

  alloc<K extends Kind>(name: string, kind: K, length: number): InstanceType<(typeof CTOR)[K]> {
    if (this.entries[name]) throw new Error(`shared array "${name}" allocated twice`);
    const ctor = CTOR[kind];
    const bytes = Math.max(1, length) * ctor.BYTES_PER_ELEMENT;
    const buffer = this.spare?.take(name, bytes) ?? (new Buffer(bytes) as SharedArrayBuffer);
    this.entries[name] = { kind, length, buffer };
    return view(kind, buffer, length);
  }

  describe(): SharedDescription {
    return this.entries;
  }

  /** Bytes of all arrays whose name starts with the prefix. */
  bytes(prefix = ''): number {
    let total = 0;
    for (const [name, e] of Object.entries(this.entries)) if (name.startsWith(prefix)) total += e.buffer.byteLength;
    return total;
  }
}

/** Maps a described array in another thread. */
export function attach<K extends Kind>(desc: SharedDescription, name: string, kind: K): InstanceType<(typeof CTOR)[K]> {
  const e = desc[name];
  if (!e || e.kind !== kind) throw new Error(`shared array "${name}" of kind ${kind} is not in the description`);
  return view(kind, e.buffer, e.length);
}
