/**
 * The base class of the SDK's resources (hand-written; the classes in this folder are generated).
 *
 * A dynamic resource carries its provider, serialized, as the `__provider` input.
 * `pulumi.dynamic.Resource` serializes the provider object with Pulumi's closure serializer in
 * every program run: it parses the functions' text and asks the V8 inspector for their scopes,
 * a large part of the program's start (scripts/bench/README.md has the measurements). The shims (provider/shim.js) are byte-stable by design, so their
 * serialized text is a constant: it is written here once, and a test checks that it is exactly
 * what the installed @pulumi/pulumi serializer produces (test/sdk/shim-resource.test.ts). The
 * state is the same byte for byte; the program no longer loads or runs the serializer.
 *
 * The resources stay `pulumi.dynamic.Resource`s for `instanceof`: that class adds nothing to
 * `CustomResource` but the serialization, which is the part done here instead.
 */
import * as pulumi from "@pulumi/pulumi";
import { shims } from "../provider/shim";

/** The text `pulumi.dynamic.Resource` would store as `__provider` for the shim of `kind`. */
export function serializedShim(kind: string): string {
  return `exports.handler = __f0;

var __provider = {configure: __f1, check: __f2, diff: __f3, create: __f4, read: __f5, update: __f6, delete: __f7};

function __f1(__0) {
  return (function() {
    with({ RUNTIME: "pulumi-scaleway-lb/provider-runtime", this: undefined, arguments: undefined }) {

return async function /*configure*/(req) {
      return require(RUNTIME).configure(req);
    };

    }
  }).apply(undefined, undefined).apply(this, arguments);
}

function __f2(__0, __1) {
  return (function() {
    with({ RUNTIME: "pulumi-scaleway-lb/provider-runtime", kind: ${JSON.stringify(kind)}, this: undefined, arguments: undefined }) {

return async function /*check*/(olds, news) {
      return require(RUNTIME).provider(kind).check(olds, news);
    };

    }
  }).apply(undefined, undefined).apply(this, arguments);
}

function __f3(__0, __1, __2) {
  return (function() {
    with({ RUNTIME: "pulumi-scaleway-lb/provider-runtime", kind: ${JSON.stringify(kind)}, this: undefined, arguments: undefined }) {

return async function /*diff*/(id, olds, news) {
      return require(RUNTIME).provider(kind).diff(id, olds, news);
    };

    }
  }).apply(undefined, undefined).apply(this, arguments);
}

function __f4(__0) {
  return (function() {
    with({ RUNTIME: "pulumi-scaleway-lb/provider-runtime", kind: ${JSON.stringify(kind)}, this: undefined, arguments: undefined }) {

return async function /*create*/(inputs) {
      return require(RUNTIME).provider(kind).create(inputs);
    };

    }
  }).apply(undefined, undefined).apply(this, arguments);
}

function __f5(__0, __1) {
  return (function() {
    with({ RUNTIME: "pulumi-scaleway-lb/provider-runtime", kind: ${JSON.stringify(kind)}, this: undefined, arguments: undefined }) {

return async function /*read*/(id, props) {
      return require(RUNTIME).provider(kind).read(id, props);
    };

    }
  }).apply(undefined, undefined).apply(this, arguments);
}

function __f6(__0, __1, __2) {
  return (function() {
    with({ RUNTIME: "pulumi-scaleway-lb/provider-runtime", kind: ${JSON.stringify(kind)}, this: undefined, arguments: undefined }) {

return async function /*update*/(id, olds, news) {
      return require(RUNTIME).provider(kind).update(id, olds, news);
    };

    }
  }).apply(undefined, undefined).apply(this, arguments);
}

function __f7(__0, __1) {
  return (function() {
    with({ RUNTIME: "pulumi-scaleway-lb/provider-runtime", kind: ${JSON.stringify(kind)}, this: undefined, arguments: undefined }) {

return async function /*delete*/(id, props) {
      return require(RUNTIME).provider(kind).delete(id, props);
    };

    }
  }).apply(undefined, undefined).apply(this, arguments);
}

function __f0() {
  return (function() {
    with({ provider: __provider, this: undefined, arguments: undefined }) {

return () => provider;

    }
  }).apply(undefined, undefined).apply(this, arguments);
}
`;
}

const serialized: ReadonlyMap<unknown, string> = new Map(
  Object.entries(shims).map(([kind, shim]) => [shim, serializedShim(kind)]),
);

export class ShimResource extends pulumi.CustomResource {
  /** The same arguments as `pulumi.dynamic.Resource`; `provider` must be one of the shims. */
  constructor(
    provider: pulumi.dynamic.ResourceProvider,
    name: string,
    props: pulumi.Inputs,
    opts: pulumi.CustomResourceOptions | undefined,
    module: string,
    type: string,
  ) {
    const text = serialized.get(provider);
    if (text === undefined) {
      throw new Error(`pulumi-scaleway-lb: ${type} "${name}": its provider is not one of the package's shims`);
    }
    if (props.__provider !== undefined) throw new Error("A dynamic resource must not define the __provider key");
    // Pulumi's runtime gives every property of a resource four promises and records a stack trace
    // for each one, which only its promise-leak report reads (PULUMI_DEBUG_PROMISE_LEAKS); under
    // ts-node each trace is mapped through source maps: 80 % of a 200-resource program's CPU
    // (scripts/bench/README.md). The resource's own source position is unaffected: Pulumi takes
    // it with a trace of its own, unlimited.
    const limit = Error.stackTraceLimit;
    if (!process.env.PULUMI_DEBUG_PROMISE_LEAKS) Error.stackTraceLimit = 0;
    try {
      super(`pulumi-nodejs:dynamic/${module}:${type}`, name, { ...props, __provider: text }, opts);
    } catch (error) {
      Error.stackTraceLimit = limit;
      // Made while traces were off: it gets the stack of the resource's declaration instead.
      if (error instanceof Error) Error.captureStackTrace(error, new.target);
      throw error;
    } finally {
      Error.stackTraceLimit = limit;
    }
  }
}

// instanceof pulumi.dynamic.Resource holds, as for a class that extends it.
Object.setPrototypeOf(ShimResource.prototype, pulumi.dynamic.Resource.prototype);
