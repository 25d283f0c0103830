/** The table of every endpoint the client has: one method each (executor.ts). */
import * as backends from "./backends";
import * as certificates from "./certificates";
import * as frontends from "./frontends";
import * as lbs from "./lbs";
import * as networks from "./networks";
import * as subscribers from "./subscribers";

export const ENDPOINTS = { ...lbs, ...backends, ...frontends, ...certificates, ...subscribers, ...networks };
export type Endpoints = typeof ENDPOINTS;
