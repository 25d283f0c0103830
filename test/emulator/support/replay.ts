/**
 * Replays one cassette against a fresh emulator: each recorded LB API request is rewritten with
 * the ids learned so far, sent, and its answer compared with the recorded one (status + shape).
 */
import { type Cassette, type Interaction, parseJson } from "./cassettes";
import { IdMap } from "./id-map";
import { compareShapes, type Mismatch } from "./shape";
import { timingFor } from "./timings";

export interface InteractionResult {
  interaction: Interaction;
  sent: string;
  status: number;
  ok: boolean;
  mismatches: Mismatch[];
  foreign: number;
  statusNotes: string[];
}

export interface CassetteResult {
  name: string;
  results: InteractionResult[];
  skipped: number;
  matched: number;
}

const TOKEN = "00000000-0000-4000-8000-00000000beef";

async function admin(url: string, method: string, path: string, body?: unknown): Promise<void> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`admin ${method} ${path}: ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
}

export async function replayCassette(baseUrl: string, cassette: Cassette): Promise<CassetteResult> {
  await admin(baseUrl, "POST", "/__emulator/reset");
  const ids = new IdMap();
  const results: InteractionResult[] = [];
  const { interactions } = cassette;
  for (const [position, interaction] of interactions.entries()) {
    const timings = timingFor(interaction, interactions.slice(position + 1));
    if (timings) await admin(baseUrl, "PUT", "/__emulator/config", { timings });
    const url = ids.rewrite(interaction.url);
    const requestBody = interaction.requestBody === "" ? undefined : ids.rewrite(interaction.requestBody);
    const res = await fetch(`${baseUrl}${url}`, {
      method: interaction.method,
      headers: {
        "X-Auth-Token": TOKEN,
        ...(requestBody === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: requestBody,
    });
    const text = await res.text();
    const mismatches: Mismatch[] = [];
    let foreign = 0;
    let statusNotes: string[] = [];
    if (res.status !== interaction.status) {
      mismatches.push({
        path: "(status)",
        problem: `recorded ${interaction.status}, emulator ${res.status}: ${text}`,
      });
    } else {
      const recorded = parseJson(interaction.responseBody);
      let actual: unknown;
      try {
        actual = parseJson(text);
      } catch {
        actual = text;
      }
      const report = compareShapes(recorded, actual, ids);
      mismatches.push(...report.mismatches);
      foreign = report.foreign;
      statusNotes = report.statusNotes;
    }
    results.push({
      interaction,
      sent: `${interaction.method} ${url}`,
      status: res.status,
      ok: mismatches.length === 0,
      mismatches,
      foreign,
      statusNotes,
    });
  }
  return {
    name: cassette.name,
    results,
    skipped: cassette.skipped,
    matched: results.filter((r) => r.ok).length,
  };
}
