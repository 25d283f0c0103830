/** The camelCase request and answer types of the client methods, derived from their rows. */
import type { AnswerOf, RequestOf } from "../endpoint";
import type * as backends from "./backends";
import type * as certificates from "./certificates";
import type * as frontends from "./frontends";
import type * as lbs from "./lbs";
import type * as networks from "./networks";
import type * as subscribers from "./subscribers";

export type CreateLbRequest = RequestOf<typeof lbs.createLb>;
export type GetLbRequest = RequestOf<typeof lbs.getLb>;
export type UpdateLbRequest = RequestOf<typeof lbs.updateLb>;
export type DeleteLbRequest = RequestOf<typeof lbs.deleteLb>;
export type MigrateLbRequest = RequestOf<typeof lbs.migrateLb>;
export type ListLbsRequest = RequestOf<typeof lbs.listLbs>;
export type ListLbsResponse = AnswerOf<typeof lbs.listLbs>;
export type CreateIpRequest = RequestOf<typeof lbs.createIp>;
export type GetIpRequest = RequestOf<typeof lbs.getIp>;
export type UpdateIpRequest = RequestOf<typeof lbs.updateIp>;
export type ReleaseIpRequest = RequestOf<typeof lbs.releaseIp>;
export type ListIpsRequest = RequestOf<typeof lbs.listIps>;
export type ListIpsResponse = AnswerOf<typeof lbs.listIps>;

export type CreateBackendRequest = RequestOf<typeof backends.createBackend>;
export type GetBackendRequest = RequestOf<typeof backends.getBackend>;
export type UpdateBackendRequest = RequestOf<typeof backends.updateBackend>;
export type DeleteBackendRequest = RequestOf<typeof backends.deleteBackend>;
export type AddBackendServersRequest = RequestOf<typeof backends.addBackendServers>;
export type SetBackendServersRequest = RequestOf<typeof backends.setBackendServers>;
export type RemoveBackendServersRequest = RequestOf<typeof backends.removeBackendServers>;
export type UpdateHealthCheckRequest = RequestOf<typeof backends.updateHealthCheck>;
export type ListBackendsRequest = RequestOf<typeof backends.listBackends>;
export type ListBackendsResponse = AnswerOf<typeof backends.listBackends>;

export type CreateFrontendRequest = RequestOf<typeof frontends.createFrontend>;
export type GetFrontendRequest = RequestOf<typeof frontends.getFrontend>;
export type UpdateFrontendRequest = RequestOf<typeof frontends.updateFrontend>;
export type DeleteFrontendRequest = RequestOf<typeof frontends.deleteFrontend>;
export type ListFrontendsRequest = RequestOf<typeof frontends.listFrontends>;
export type ListFrontendsResponse = AnswerOf<typeof frontends.listFrontends>;
export type CreateRouteRequest = RequestOf<typeof frontends.createRoute>;
export type GetRouteRequest = RequestOf<typeof frontends.getRoute>;
export type UpdateRouteRequest = RequestOf<typeof frontends.updateRoute>;
export type DeleteRouteRequest = RequestOf<typeof frontends.deleteRoute>;
export type ListRoutesRequest = RequestOf<typeof frontends.listRoutes>;
export type ListRoutesResponse = AnswerOf<typeof frontends.listRoutes>;
export type CreateAclRequest = RequestOf<typeof frontends.createAcl>;
export type GetAclRequest = RequestOf<typeof frontends.getAcl>;
export type UpdateAclRequest = RequestOf<typeof frontends.updateAcl>;
export type DeleteAclRequest = RequestOf<typeof frontends.deleteAcl>;
export type SetAclsRequest = RequestOf<typeof frontends.setAcls>;
export type SetAclsResponse = AnswerOf<typeof frontends.setAcls>;
export type ListAclsRequest = RequestOf<typeof frontends.listAcls>;
export type ListAclsResponse = AnswerOf<typeof frontends.listAcls>;

export type CreateCertificateRequest = RequestOf<typeof certificates.createCertificate>;
export type GetCertificateRequest = RequestOf<typeof certificates.getCertificate>;
export type UpdateCertificateRequest = RequestOf<typeof certificates.updateCertificate>;
export type DeleteCertificateRequest = RequestOf<typeof certificates.deleteCertificate>;
export type ListCertificatesRequest = RequestOf<typeof certificates.listCertificates>;
export type ListCertificatesResponse = AnswerOf<typeof certificates.listCertificates>;
export type ListLbTypesRequest = RequestOf<typeof certificates.listLbTypes>;
export type ListLbTypesResponse = AnswerOf<typeof certificates.listLbTypes>;
export type ListBackendStatsRequest = RequestOf<typeof certificates.listBackendStats>;
export type ListBackendStatsResponse = AnswerOf<typeof certificates.listBackendStats>;

export type CreateSubscriberRequest = RequestOf<typeof subscribers.createSubscriber>;
export type GetSubscriberRequest = RequestOf<typeof subscribers.getSubscriber>;
export type UpdateSubscriberRequest = RequestOf<typeof subscribers.updateSubscriber>;
export type DeleteSubscriberRequest = RequestOf<typeof subscribers.deleteSubscriber>;
export type ListSubscribersRequest = RequestOf<typeof subscribers.listSubscribers>;
export type ListSubscribersResponse = AnswerOf<typeof subscribers.listSubscribers>;
export type SubscribeToLbRequest = RequestOf<typeof subscribers.subscribeToLb>;
export type UnsubscribeFromLbRequest = RequestOf<typeof subscribers.unsubscribeFromLb>;

export type AttachPrivateNetworkRequest = RequestOf<typeof networks.attachPrivateNetwork>;
export type DetachPrivateNetworkRequest = RequestOf<typeof networks.detachPrivateNetwork>;
export type ListLbPrivateNetworksRequest = RequestOf<typeof networks.listLbPrivateNetworks>;
export type ListLbPrivateNetworksResponse = AnswerOf<typeof networks.listLbPrivateNetworks>;
export type ListIpamIpsRequest = RequestOf<typeof networks.listIpamIps>;
export type ListIpamIpsResponse = AnswerOf<typeof networks.listIpamIps>;

// Names the API's SDK uses for some of them.
export type ListAclResponse = ListAclsResponse;
export type ListSubscriberResponse = ListSubscribersResponse;
export type BackendServersRequest = AddBackendServersRequest;
export type ListLbsRequestOrderBy = NonNullable<ListLbsRequest["orderBy"]>;
export type ListBackendsRequestOrderBy = NonNullable<ListBackendsRequest["orderBy"]>;
export type ListFrontendsRequestOrderBy = NonNullable<ListFrontendsRequest["orderBy"]>;
export type ListRoutesRequestOrderBy = NonNullable<ListRoutesRequest["orderBy"]>;
export type ListAclRequestOrderBy = NonNullable<ListAclsRequest["orderBy"]>;
export type ListCertificatesRequestOrderBy = NonNullable<ListCertificatesRequest["orderBy"]>;
export type ListSubscriberRequestOrderBy = NonNullable<ListSubscribersRequest["orderBy"]>;
export type ListPrivateNetworksRequestOrderBy = NonNullable<ListLbPrivateNetworksRequest["orderBy"]>;
