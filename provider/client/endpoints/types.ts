/**
 * The camelCase request and answer types of the client methods, derived from their rows and
 * named by the operation: `Requests["createBackend"]`, `Answers["listLbs"]`. One mapped type
 * instead of one alias per endpoint, so a new row needs no line here.
 */
import type { AnswerOf, RequestOf } from "../endpoint";
import type { Endpoints } from "./index";

export type Requests = { [K in keyof Endpoints]: RequestOf<Endpoints[K]> };
export type Answers = { [K in keyof Endpoints]: AnswerOf<Endpoints[K]> };

/** The public names callers import. */
export type AttachPrivateNetworkRequest = Requests["attachPrivateNetwork"];
