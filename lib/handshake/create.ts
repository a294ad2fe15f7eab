// createClient / createServer: an Endpoint with the state machine for its role.
import { ClientHandshake } from "./client";
import { Endpoint, type EndpointOptions } from "./endpoint";
import { ServerHandshake } from "./server";

export function createClient(options: EndpointOptions = {}): Endpoint {
  const ep = new Endpoint("client", options);
  ep.handshaker = new ClientHandshake(ep);
  return ep;
}

export function createServer(options: EndpointOptions = {}): Endpoint {
  const ep = new Endpoint("server", options);
  ep.handshaker = new ServerHandshake(ep);
  return ep;
}
