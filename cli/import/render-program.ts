/**
 * Tree -> files: the whole generated project (Pulumi.yaml, package.json, tsconfig.json, index.ts,
 * README.md) as text, from a live tree. Pure: no API, no file system; the same tree in any order
 * gives the same files.
 */
import { declareProgram, type ProgramModel } from "./declare";
import { renderIndex } from "./render-index";
import {
  type DependencyVersions,
  renderPackageJson,
  renderPulumiYaml,
  renderTsconfig,
} from "./render-project";
import { renderReadme } from "./render-readme";
import type { LiveTree } from "./tree";

export interface RenderOptions {
  /** Pulumi project name (also the package name, lower-cased). */
  readonly project: string;
  /** The command line shown as the program's origin (never with credentials). */
  readonly command: string;
  readonly versions: DependencyVersions;
  /** Extra Markdown for the end of README.md. */
  readonly readmeNotes?: string;
}

export interface RenderedProgram {
  readonly model: ProgramModel;
  /** File name -> content, in a fixed order. */
  readonly files: ReadonlyMap<string, string>;
}

export function renderProgram(tree: LiveTree, options: RenderOptions): RenderedProgram {
  const model = declareProgram(tree);
  const files = new Map<string, string>([
    ["Pulumi.yaml", renderPulumiYaml(model, options.project)],
    ["package.json", renderPackageJson(model, options.project, options.versions)],
    ["tsconfig.json", renderTsconfig()],
    ["index.ts", renderIndex(model, options.command)],
    [
      "README.md",
      renderReadme(model, { project: options.project, command: options.command, notes: options.readmeNotes }),
    ],
  ]);
  return { model, files };
}
