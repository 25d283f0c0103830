/**
 * Imported first by the bin (index.ts): on a Node.js older than 22 it says so and exits before
 * the modules that need 22 (undici) load. A separate module because imports are evaluated in
 * order, before the importing file's own statements.
 */
import { exitUnlessSupportedNode } from "../platform/node-version";

exitUnlessSupportedNode("scaleway-lb");
