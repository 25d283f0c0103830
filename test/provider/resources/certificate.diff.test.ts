import { certificateDefinition } from "../../../provider/resources/certificate/definition";
import { type Args, describeDiffTable, rowBuilder, zoned } from "./support/diff-table";

const pem = (n: number) =>
  `-----BEGIN CERTIFICATE-----\nMIIB${n}\n-----END CERTIFICATE-----\n-----BEGIN PRIVATE KEY-----\nMIIE${n}\n-----END PRIVATE KEY-----\n`;
const before: Args = {
  __resourceName: "site",
  lbId: zoned(1),
  letsencrypt: { commonName: "example.com", subjectAlternativeNames: ["www.example.com", "api.example.com"] },
};
const { row, updates, replaced } = rowBuilder(before);

describeDiffTable(certificateDefinition, before, [
  replaced("lbId", zoned(8)),
  row("zone", "given explicitly, same as the load balancer's", "fr-par-1", []),
  updates("certificate")("name", "renamed"),
  replaced("letsencrypt", { commonName: "example.org" }),
  replaced("letsencrypt.commonName", "example.org"),
  replaced("letsencrypt.subjectAlternativeNames", ["www.example.com"]),
  row(
    "letsencrypt.subjectAlternativeNames",
    "reordered: no change",
    ["api.example.com", "www.example.com"],
    [],
  ),
  {
    path: "customCertificate",
    change: "switched to an uploaded certificate: replaced",
    after: { __resourceName: "site", lbId: zoned(1), customCertificate: { certificateChain: pem(1) } },
    endpoints: [],
    replaces: ["customCertificate", "letsencrypt"],
  },
  {
    path: "customCertificate.certificateChain",
    change: "another chain: replaced",
    after: { __resourceName: "site", lbId: zoned(1), customCertificate: { certificateChain: pem(2) } },
    endpoints: [],
    replaces: ["customCertificate", "letsencrypt"],
  },
  row("importId", "set after creation: recorded, no API call", zoned(9), [], [], true),
]);
