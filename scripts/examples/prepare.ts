/**
 * What an example needs to find before it runs against the emulator: lookup-existing looks up a
 * load balancer named "edge" that it does not manage, so the runner makes one when the emulator
 * has none (against Scaleway, the user's own load balancer is looked up instead).
 */
import { createLbClient } from "../../provider/client/client";

export const LOOKUP_EXAMPLE_LB = "edge";

export async function prepareExample(
  name: string,
  apiUrl: string,
  secretKey: string,
  projectId: string,
): Promise<void> {
  if (name !== "lookup-existing") return;
  const api = createLbClient({ config: { secretKey, apiUrl, projectId } });
  try {
    const existing = await api.listAllLbs({ name: LOOKUP_EXAMPLE_LB, projectId });
    if (existing.some((lb) => lb.name === LOOKUP_EXAMPLE_LB)) return;
    const lb = await api.createLb({
      name: LOOKUP_EXAMPLE_LB,
      projectId,
      description: "made by the example runner for examples/lookup-existing",
      assignFlexibleIp: true,
    });
    await api.waitForLb({ lbId: lb.id });
  } finally {
    await api.close();
  }
}
