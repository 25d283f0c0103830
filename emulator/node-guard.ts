/**
 * Imported first by the bin (cli.ts): on a Node.js older than 22 it says so and exits before
 * anything else loads. A separate module because imports are evaluated in order, before the
 * importing file's own statements.
 */
import { exitUnlessSupportedNode } from "../platform/node-version";

exitUnlessSupportedNode("scaleway-lb-emulator");
