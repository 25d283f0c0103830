import {
  isValidProjectName,
  Namer,
  projectNameFor,
  sanitizeName,
  toIdentifier,
} from "../../cli/import/names";

describe("sanitizeName", () => {
  it.each([
    ["shop", "shop"],
    ["Shop Prod", "shop-prod"],
    ["Café  Crème!", "cafe-creme"],
    ["--web--", "web"],
    ["shop.acme-corp.fr", "shop.acme-corp.fr"],
    ["api_v2", "api_v2"],
    ["!!!", ""],
  ])("%j -> %j", (name, expected) => {
    expect(sanitizeName(name)).toBe(expected);
  });
});

describe("toIdentifier", () => {
  it.each([
    ["shop-prod", "Backend", "shopProd"],
    ["shop.acme-corp.fr", "Certificate", "shopAcmeCorpFr"],
    ["8080", "Backend", "backend8080"],
    ["443-tls", "Frontend", "frontend443Tls"],
    ["", "Acl", "acl"],
  ] as const)("%j (%s) -> %j", (name, kind, expected) => {
    expect(toIdentifier(name, kind)).toBe(expected);
  });
});

describe("project names", () => {
  it("come from the load balancer's name, with a fallback", () => {
    expect(projectNameFor("ACME Shop (prod)")).toBe("acme-shop-prod");
    expect(projectNameFor("???")).toBe("imported-lb");
  });

  it.each([
    ["import-existing", true],
    ["my_lb.v2", true],
    ["-lb", false],
    ["my lb", false],
    ["x".repeat(101), false],
  ])("%j valid: %s", (name, valid) => {
    expect(isValidProjectName(name)).toBe(valid);
  });
});

describe("Namer", () => {
  it("numbers a repeated name of the same kind, suffixes a name taken by another kind", () => {
    const namer = new Namer();
    expect(namer.name("Backend", "web")).toEqual({ resourceName: "web", identifier: "web" });
    expect(namer.name("Backend", "Web")).toEqual({ resourceName: "web-2", identifier: "web2" });
    expect(namer.name("Frontend", "web")).toEqual({
      resourceName: "web-frontend",
      identifier: "webFrontend",
    });
    expect(namer.name("LoadBalancer", "web")).toEqual({ resourceName: "web-lb", identifier: "webLb" });
  });

  it("never hands out a keyword or a name the program itself uses", () => {
    const namer = new Namer();
    for (const [kind, name] of [
      ["Backend", "default"],
      ["Frontend", "new"],
      ["Acl", "config"],
      ["Ip", "pulumi"],
      ["Route", "scw"],
      ["Certificate", "address"],
    ] as const) {
      const { identifier } = namer.name(kind, name);
      expect(identifier).not.toBe(name);
      expect(identifier.startsWith(name)).toBe(true);
    }
  });

  it("falls back to the kind's word for names with nothing usable", () => {
    const namer = new Namer();
    expect(namer.name("Acl", "")).toEqual({ resourceName: "acl", identifier: "acl" });
    expect(namer.name("Acl", "***")).toEqual({ resourceName: "acl-2", identifier: "acl2" });
  });
});
