/** getAcls: the ACLs of a frontend, filtered by name. */
import { aclDefinition } from "../resources/acl/definition";
import { aclProps } from "../resources/acl/operations";
import { zonedId } from "../resources/ids";
import { childProjectArg, idArg, nameFilterArg, zoneOfIdArg } from "./args";
import { underParent } from "./children";
import { echo, list, record, recordType } from "./records";
import { listEcho } from "./search";
import type { LookupFunction } from "./spec";

export const getAcls: LookupFunction = {
  name: "getAcls",
  description:
    "Lists the existing ACLs of a frontend, optionally filtered by name, every page read. Each has the properties an Acl resource outputs. Reads only (GET calls), records nothing in the stack's state.",
  args: {
    frontendId: idArg("The frontend whose ACLs to list.", true),
    name: nameFilterArg("ACLs"),
    zone: zoneOfIdArg,
    projectId: childProjectArg,
  },
  result: {
    id: echo("The zone searched (a list has no id of its own).", false),
    zone: echo("The zone searched.", false),
    frontendId: echo("The frontend searched.", false),
    projectId: echo("The project filter, if given."),
    name: echo("The name filter, if given."),
    acls: list(
      recordType("GetAclsAcl", "An ACL found by getAcls.", aclDefinition),
      "The ACLs found, in the API's order (oldest first).",
    ),
  },
  async run(ctx, q) {
    const frontendId = q.uuid("frontendId") ?? "";
    const found = await underParent(q, "frontend", () =>
      ctx.api.listAllAcls({ zone: q.zone, frontendId, name: q.str("name"), pageSize: ctx.pageSize }),
    );
    const acls = found
      .filter((a) => q.projectId === undefined || a.frontend.lb.projectId === q.projectId)
      .map((a) => record(zonedId(q.zone, a.id), aclProps(q.zone, a)));
    return { ...listEcho(q, ["name"]), frontendId: zonedId(q.zone, frontendId), acls };
  },
};
