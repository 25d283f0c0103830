/** The `project_id` | `organization_id` one-of of LB, IP and subscriber creation (§1.6). */
import { invalidArguments } from "../errors";

/** Stands in for the default project of the API key when a request names none. */
export const DEFAULT_PROJECT_ID = "00000000-0000-4000-8000-000000000001";

export interface Ownership {
  projectId: string;
  organizationId: string;
}

export function resolveOwnership(projectId?: string | null, organizationId?: string | null): Ownership {
  if (projectId && organizationId) {
    throw invalidArguments(
      ["project_id", "organization_id"].map((argumentName) => ({
        argumentName,
        reason: "constraint" as const,
        helpMessage: "only one of project_id and organization_id may be set",
      })),
    );
  }
  // A personal account's default project shares the organization's id (as in every recording).
  const id = projectId ?? organizationId ?? DEFAULT_PROJECT_ID;
  return { projectId: id, organizationId: id };
}
