/** The project files around index.ts: Pulumi.yaml, package.json and tsconfig.json. */
import { stringify } from "yaml";
import type { ProgramModel } from "./declare";

/** Version ranges the generated package.json depends on. */
export interface DependencyVersions {
  readonly pulumi: string;
  readonly scalewayLb: string;
}

export function renderPulumiYaml(model: ProgramModel, project: string): string {
  return stringify(
    {
      name: project,
      description: description(model),
      runtime: { name: "nodejs", options: { typescript: true } },
    },
    { lineWidth: 0 },
  );
}

export function renderPackageJson(
  model: ProgramModel,
  project: string,
  versions: DependencyVersions,
): string {
  const pkg = {
    name: project.toLowerCase(),
    private: true,
    description: description(model),
    main: "index.ts",
    dependencies: {
      "@pulumi/pulumi": versions.pulumi,
      "pulumi-scaleway-lb": versions.scalewayLb,
    },
    devDependencies: {
      "@types/node": "^22.0.0",
      typescript: "^5.0.0",
    },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

export function renderTsconfig(): string {
  const tsconfig = {
    compilerOptions: {
      strict: true,
      outDir: "bin",
      target: "ES2022",
      module: "commonjs",
      moduleResolution: "node10",
      sourceMap: true,
      esModuleInterop: true,
      skipLibCheck: true,
      forceConsistentCasingInFileNames: true,
    },
    files: ["index.ts"],
  };
  return `${JSON.stringify(tsconfig, null, 2)}\n`;
}

function description(model: ProgramModel): string {
  return `The Scaleway load balancer ${model.lb.label.replace(/^load balancer /, "")} (${model.lb.importId}) and its objects, adopted with scaleway-lb import.`;
}
