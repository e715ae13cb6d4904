// Hostile inputs for the hardening properties: anything a roster, a JSON body or a careless caller
// can hand a validator. Keys like `__proto__` and `constructor` are own properties here (as
// JSON.parse makes them), which is how prototype pollution reaches a library.
import fc from "fast-check";

/** Keys that have broken libraries before, mixed with the field names our entities use. */
export const dangerousKey = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "__proto__",
      "constructor",
      "prototype",
      "toString",
      "valueOf",
      "hasOwnProperty",
      "then",
      "toJSON",
      "length",
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "id",
      "number",
      "type",
      "value",
      "origin",
      "photo",
      "study",
      "name",
      "state",
      "history",
      "student",
      "batch",
    ),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
);

/** JSON-born objects whose own keys try to reach Object.prototype. */
export const pollutingJson = fc.constantFrom(
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '{"__proto__":{"polluted":1},"id":{"__proto__":{"polluted":1},"type":"resident","number":"11010519491231002X"}}',
  '{"studentNumber":"1","origin":{"__proto__":{"polluted":1},"value":"北京市海淀区","reviewed":true}}',
  '[{"__proto__":{"polluted":1}}]',
  '{"study":{"constructor":{"prototype":{"polluted":1}}},"history":[{"__proto__":{"polluted":1}}]}',
);

/** Strings that are nearly right, or wrong in ways a parser may not expect. */
export const trickyString = fc.constantFrom(
  "",
  " ",
  "\u0000",
  "\uFEFF",
  "\uD800",
  "__proto__",
  "constructor",
  "11010519491231002X",
  "１１０１０５１９４９１２３１００２ｘ",
  "110105194912310021",
  "110105491231002",
  "北京市海淀区",
  "河北省石家庄市正定县",
  "汉族",
  "01",
  "144301202202000001",
  "=cmd|' /C calc'!A0",
  "9".repeat(10_000),
  "北".repeat(5_000),
  "\u200B".repeat(1_000),
);

/** A Proxy that has been revoked: every operation on it throws a TypeError (`Array.isArray` too). */
export function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/** A Proxy whose every trap throws: reading, listing keys, describing, even `in`. */
export function throwingProxy(): object {
  const boom = () => {
    throw new TypeError("trap");
  };
  return new Proxy(
    {},
    {
      get: boom,
      has: boom,
      ownKeys: boom,
      getOwnPropertyDescriptor: boom,
      getPrototypeOf: boom,
      defineProperty: boom,
      set: boom,
      deleteProperty: boom,
    },
  );
}

/** An object whose named properties are getters that throw, among the field names the entities use. */
export function throwingGetters(keys: readonly string[]): object {
  const o: Record<string, unknown> = {};
  for (const k of keys) {
    Object.defineProperty(o, k, {
      enumerable: true,
      get() {
        throw new TypeError(`getter ${k}`);
      },
    });
  }
  return o;
}

/** How to make a value that throws when it is read, and what it is (for a failing case's report). */
export interface ThrowingRecipe {
  label: string;
  make: () => unknown;
}

const elementThrows = (): unknown[] =>
  Object.defineProperty([1, 2], 0, {
    get() {
      throw new TypeError("element");
    },
  });

/**
 * Values that throw when they are read (issue 12.8): getters that throw, Proxies whose traps throw,
 * revoked Proxies, an array whose element getter throws, and objects holding one a level down. A
 * validator must read untrusted input once, defensively, and give findings for them. fast-check
 * itself reads the values it generates, so it generates these recipes; the property makes the value.
 */
export const throwingRecipe: fc.Arbitrary<ThrowingRecipe> = fc.oneof(
  fc.constantFrom<ThrowingRecipe>(
    { label: "revoked Proxy", make: revokedProxy },
    { label: "Proxy whose traps throw", make: throwingProxy },
    { label: "array whose element getter throws", make: elementThrows },
  ),
  fc
    .subarray(
      [
        "id",
        "number",
        "type",
        "value",
        "origin",
        "name",
        "state",
        "history",
        "student",
        "batch",
        "length",
        "seal",
      ],
      { minLength: 1 },
    )
    .map((keys) => ({ label: `getters that throw: ${keys.join(", ")}`, make: () => throwingGetters(keys) })),
  fc
    .constantFrom("id", "origin", "student", "batch", "seal", "priorWork", "value", "history")
    .map((k) => ({ label: `{ ${k}: revoked Proxy }`, make: () => ({ [k]: revokedProxy() }) })),
);

/** A path of `base` and a recipe: `base` with the value at that path replaced by one that throws. */
export function throwingInside(
  base: unknown,
): fc.Arbitrary<{ path: (string | number)[]; recipe: ThrowingRecipe }> {
  return fc.record({ path: fc.constantFrom(...pathsOf(base)), recipe: throwingRecipe });
}

/** Anything at all: primitives, strings of every kind, objects (null prototype too), arrays, bytes. */
export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 2, arbitrary: trickyString },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.double(),
      fc.integer(),
      fc.bigInt(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      Number.NaN,
      Number.POSITIVE_INFINITY,
      -0,
      1e21,
      Symbol("s"),
      () => 1,
      new Date(Number.NaN),
      new Date(0),
      /x/,
    ),
  },
  {
    weight: 3,
    arbitrary: fc.anything({
      key: dangerousKey,
      maxDepth: 3,
      maxKeys: 6,
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
      withUnicodeString: true,
    }),
  },
  { weight: 2, arbitrary: fc.object({ key: dangerousKey, maxDepth: 2, maxKeys: 6 }) },
  { weight: 2, arbitrary: pollutingJson.map((s) => JSON.parse(s) as unknown) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
);

/** `base` (plain JSON data) with the value at one of its paths replaced by `value`. */
export function replaceAt(base: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  // An array gets only index edits: "length" and friends are not data a parser is handed.
  if (Array.isArray(base) && typeof head !== "number") return base;
  const src = base as Record<string | number, unknown>;
  const copy = (Array.isArray(base) ? [...base] : { ...src }) as Record<string | number, unknown>;
  // defineProperty: an own "__proto__" key, as JSON.parse would make it, never a prototype change.
  Object.defineProperty(copy, head, {
    value: replaceAt(src?.[head], rest, value),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

/** Every path (objects and arrays, not into strings) of plain JSON data, the root included. */
export function pathsOf(data: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (typeof data === "object" && data !== null) {
    for (const [k, v] of Object.entries(data))
      out.push(...pathsOf(v, [...prefix, Array.isArray(data) ? Number(k) : k]));
  }
  return out;
}

/**
 * `base` with 1–3 of its values replaced by hostile ones, or a dangerous key added somewhere: the
 * inputs that reach deep into a validator instead of failing at the first `typeof`.
 */
export function mutated(base: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(base);
  const edit = fc.tuple(
    fc.constantFrom(...paths),
    fc.oneof(fc.constant<string | null>(null), dangerousKey),
    hostile,
  );
  return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => {
    let out = base;
    for (const [path, extraKey, value] of edits)
      out = replaceAt(out, extraKey === null ? path : [...path, extraKey], value);
    return out;
  });
}

const SEVERITIES = new Set(["error", "warning"]);

/** The Result contract of api.md: `ok` exactly when no finding is an error; findings well formed. */
export function assertResult(r: unknown): void {
  if (typeof r !== "object" || r === null) throw new Error(`not a Result: ${String(r)}`);
  const res = r as { ok: unknown; findings: unknown };
  if (typeof res.ok !== "boolean") throw new Error("Result.ok is not a boolean");
  if (!Array.isArray(res.findings)) throw new Error("Result.findings is not an array");
  let errors = 0;
  for (const f of res.findings as { code: unknown; severity: unknown; message: unknown; path: unknown }[]) {
    if (typeof f.code !== "string" || f.code === "")
      throw new Error(`finding without code: ${JSON.stringify(f)}`);
    if (typeof f.severity !== "string" || !SEVERITIES.has(f.severity))
      throw new Error(`finding ${f.code} has severity ${String(f.severity)}`);
    if (typeof f.message !== "string" || f.message === "")
      throw new Error(`finding ${f.code} has no message`);
    if (!Array.isArray(f.path)) throw new Error(`finding ${f.code} has no path`);
    if (f.severity === "error") errors++;
  }
  if (res.ok !== (errors === 0)) throw new Error(`ok is ${String(res.ok)} with ${errors} error finding(s)`);
}

/** A fingerprint of the built-in prototypes: own keys and their descriptors' shapes. */
export function prototypeFingerprint(): string {
  const protos: [string, object][] = [
    ["Object", Object.prototype],
    ["Array", Array.prototype],
    ["Function", Function.prototype],
    ["String", String.prototype],
    ["Number", Number.prototype],
    ["Uint8Array", Uint8Array.prototype],
    ["Map", Map.prototype],
    ["Date", Date.prototype],
  ];
  return protos
    .map(([n, p]) => {
      const keys = Reflect.ownKeys(p).map((k) => {
        const d = Object.getOwnPropertyDescriptor(p, k);
        return `${String(k)}:${typeof d?.value}:${d?.get ? "g" : ""}${d?.set ? "s" : ""}`;
      });
      return `${n}{${keys.sort().join(",")}}`;
    })
    .join("|");
}

/** True when nothing reached Object.prototype through a `__proto__` or `constructor` key. */
export function notPolluted(): boolean {
  const probe = {} as Record<string, unknown>;
  return probe.polluted === undefined && Object.getPrototypeOf(probe) === Object.prototype;
}
