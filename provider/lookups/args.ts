/** Argument specs the lookups share: where to search (zone, project), by id, by name, by tags. */
import type { Prop, StringProp } from "../core/property";
import { ZONES } from "../core/zoned-id";
import { projectIdInput } from "../resources/common";

const CONFIGURED_ZONE =
  "the provider's zone (stack config `scaleway:zone`, then `SCW_DEFAULT_ZONE`, then the CLI config file, then `fr-par-1`)";

/** The zone of lookups that take no id. */
export const zoneArg: StringProp = {
  type: "string",
  enum: ZONES,
  description: `The zone to search. Default: ${CONFIGURED_ZONE}.`,
};

/** The zone of lookups that take ids: a zoned id says where to look. */
export const zoneOfIdArg: StringProp = {
  ...zoneArg,
  description: `The zone to search, and of bare UUIDs given as ids. Default: the zone of a zoned id given (\`"<zone>/<uuid>"\`), else ${CONFIGURED_ZONE}.`,
};

/** Load balancers and IPs belong to a project: without `projectId`, the configured one is searched. */
export const topLevelProjectArg: StringProp = {
  type: "string",
  pattern: projectIdInput.pattern,
  description:
    "The project to search. Default: the provider's project (stack config `scaleway:projectId`, then `SCW_DEFAULT_PROJECT_ID`, then the CLI config file); with none configured, every project the key can see.",
};

/** A lookup by id needs no project; one given is checked. */
export const topLevelProjectOfIdArg: StringProp = {
  ...topLevelProjectArg,
  description: `${topLevelProjectArg.description} A lookup by id ignores the default and only checks a project given.`,
};

/** Children are found through their parent, which fixes the project: `projectId` only filters. */
export const childProjectArg: StringProp = {
  type: "string",
  pattern: projectIdInput.pattern,
  description:
    "Only objects whose load balancer belongs to this project. Default: no project filter (the parent's id already says where to look).",
};

export function idArg(description: string, required = false): StringProp {
  return {
    type: "string",
    format: "id",
    required,
    description: `${description} Its id, \`"<zone>/<uuid>"\` (e.g. the \`id\` of a resource or of another lookup's result) or a bare UUID in \`zone\`.`,
  };
}

export function exactNameArg(noun: string, within?: string): StringProp {
  return {
    type: "string",
    minLength: 1,
    description: `The ${noun}'s exact name${within ? ` within ${within}` : ""}. Exactly one object must have it.`,
  };
}

export function nameFilterArg(nouns: string): StringProp {
  return {
    type: "string",
    minLength: 1,
    description: `Only ${nouns} whose name contains this text (the API's name filter). Default: any name.`,
  };
}

export function tagsArg(nouns: string): Prop {
  return {
    type: "array",
    items: { type: "string", minLength: 1, description: "A tag." },
    description: `Only ${nouns} that carry every one of these tags. Default: any tags.`,
  };
}
