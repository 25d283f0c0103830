import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A throw-away, fully offline Pulumi environment: file backend and PULUMI_HOME in a temp dir. */
export interface OfflinePulumiEnv {
  readonly dir: string;
  readonly envVars: Record<string, string>;
  cleanup(): void;
}

export function offlinePulumiEnv(prefix = "pslb-engine-"): OfflinePulumiEnv {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(dir, "state"));
  return {
    dir,
    envVars: {
      PULUMI_BACKEND_URL: `file://${join(dir, "state")}`,
      PULUMI_HOME: join(dir, "home"),
      PULUMI_CONFIG_PASSPHRASE: "test-passphrase-not-a-secret",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "false",
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
