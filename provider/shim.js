// The dynamic-provider shims. Pulumi serializes the provider object of every dynamic resource into
// its state, so these objects must stay tiny and byte-stable: each method only loads the installed
// runtime (a permanent public subpath of this package) at call time and hands over. Credentials and
// code never end up in state, and upgrading the package changes no resource's serialized provider.
// Do not edit: any change to this file shows up as a change of every managed resource.

const RUNTIME = "pulumi-scaleway-lb/provider-runtime";

function shim(kind) {
  return {
    async configure(req) {
      return require(RUNTIME).configure(req);
    },
    async check(olds, news) {
      return require(RUNTIME).provider(kind).check(olds, news);
    },
    async diff(id, olds, news) {
      return require(RUNTIME).provider(kind).diff(id, olds, news);
    },
    async create(inputs) {
      return require(RUNTIME).provider(kind).create(inputs);
    },
    async read(id, props) {
      return require(RUNTIME).provider(kind).read(id, props);
    },
    async update(id, olds, news) {
      return require(RUNTIME).provider(kind).update(id, olds, news);
    },
    async delete(id, props) {
      return require(RUNTIME).provider(kind).delete(id, props);
    },
  };
}

exports.shims = {
  LoadBalancer: shim("LoadBalancer"),
  Ip: shim("Ip"),
  Backend: shim("Backend"),
  Frontend: shim("Frontend"),
  Route: shim("Route"),
  Acl: shim("Acl"),
  Certificate: shim("Certificate"),
  PrivateNetwork: shim("PrivateNetwork"),
};
