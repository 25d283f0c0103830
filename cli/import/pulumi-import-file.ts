/**
 * Pulumi's bulk import file (`pulumi import --file <file>`) for the native door: one entry per
 * object of the tree, in declaration order, with the same resource names the generated program
 * uses. `pulumi import -f` then adopts every object through the plugin and prints the program
 * (with references between the resources) itself.
 */
import type { ProgramModel } from "./declare";

export interface PulumiImportFile {
  readonly resources: readonly { readonly type: string; readonly name: string; readonly id: string }[];
}

export function pulumiImportFile(model: ProgramModel): PulumiImportFile {
  return {
    resources: model.resources.map((resource) => ({
      type: `scaleway-lb:index:${resource.kind}`,
      name: resource.names.resourceName,
      id: resource.importId,
    })),
  };
}

export function renderPulumiImportFile(model: ProgramModel): string {
  return `${JSON.stringify(pulumiImportFile(model), null, 2)}\n`;
}
