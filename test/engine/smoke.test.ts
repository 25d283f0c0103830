import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { LocalWorkspace, PulumiCommand } from "@pulumi/pulumi/automation";
import { offlinePulumiEnv } from "../support/pulumi-env";

const pinnedVersion: string = require("@pulumi/pulumi/package.json").version;

describe("the Pulumi engine, offline", () => {
  const env = offlinePulumiEnv();
  afterAll(() => env.cleanup());

  it("is the CLI built at the version of the @pulumi/pulumi dependency", async () => {
    const printed = execFileSync("pulumi", ["version"], { env: { ...process.env, ...env.envVars } });
    expect(printed.toString().trim()).toBe(`v${pinnedVersion}`);
    // The Automation API parses the same stamp to check compatibility.
    const cmd = await PulumiCommand.get();
    expect(cmd.version?.version).toBe(pinnedVersion);
  });

  it("runs a dynamic resource through preview, up, an empty preview and destroy", async () => {
    const stack = await LocalWorkspace.createOrSelectStack(
      { stackName: "smoke", workDir: join(__dirname, "fixtures", "smoke") },
      { envVars: env.envVars },
    );

    const preview = await stack.preview();
    expect(preview.changeSummary).toEqual({ create: 2 });

    const up = await stack.up();
    expect(up.summary.result).toBe("succeeded");
    expect(up.outputs.message?.value).toBe("offline");
    expect(up.outputs.echoId?.value).toBe("echo-offline");

    const again = await stack.preview();
    expect(again.changeSummary).toEqual({ same: 2 });

    const destroy = await stack.destroy();
    expect(destroy.summary.result).toBe("succeeded");
    expect(destroy.summary.resourceChanges).toEqual({ delete: 2 });

    await stack.workspace.removeStack("smoke");
  }, 180_000);
});
