// A simulated TCP connection (RFC 9293): the three-way handshake, sequence and acknowledgement numbers
// for each segment carrying TLS bytes, and the FIN exchange. No packets are sent; this only numbers
// the steps of a trace the way a capture of the same exchange would.
import type { Rng } from "./rng";

export interface TcpSegment {
  actor: "client" | "server";
  flags: string[];
  seq: number;
  ack: number;
  payloadLength: number;
  srcPort: number;
  dstPort: number;
}

const mod32 = (n: number) => n >>> 0;

export class TcpConnection {
  private clientNext: number;
  private serverNext: number;
  private readonly clientIsn: number;
  private readonly serverIsn: number;

  constructor(
    rng: Rng,
    readonly clientPort: number,
    readonly serverPort = 443,
  ) {
    const isn = (b: Uint8Array) => mod32((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]);
    // Initial sequence numbers are random (RFC 6528) so that segments cannot be guessed off-path.
    this.clientIsn = isn(rng.bytes(4, "tcp_isn"));
    this.serverIsn = isn(rng.bytes(4, "tcp_isn"));
    this.clientNext = this.clientIsn;
    this.serverNext = this.serverIsn;
  }

  private seg(actor: "client" | "server", flags: string[], payloadLength: number): TcpSegment {
    const fromClient = actor === "client";
    const s: TcpSegment = {
      actor,
      flags,
      seq: fromClient ? this.clientNext : this.serverNext,
      ack: flags.includes("ACK") ? (fromClient ? this.serverNext : this.clientNext) : 0,
      payloadLength,
      srcPort: fromClient ? this.clientPort : this.serverPort,
      dstPort: fromClient ? this.serverPort : this.clientPort,
    };
    // SYN and FIN each take one sequence number; data takes one per byte.
    const advance = payloadLength + (flags.includes("SYN") || flags.includes("FIN") ? 1 : 0);
    if (fromClient) this.clientNext = mod32(this.clientNext + advance);
    else this.serverNext = mod32(this.serverNext + advance);
    return s;
  }

  /** SYN, SYN-ACK, ACK. */
  open(): TcpSegment[] {
    return [this.seg("client", ["SYN"], 0), this.seg("server", ["SYN", "ACK"], 0), this.seg("client", ["ACK"], 0)];
  }

  data(actor: "client" | "server", length: number): TcpSegment {
    return this.seg(actor, ["PSH", "ACK"], length);
  }

  /** The closer's FIN, the peer's ACK and FIN, the closer's final ACK. */
  close(closer: "client" | "server"): TcpSegment[] {
    const peer = closer === "client" ? "server" : "client";
    return [this.seg(closer, ["FIN", "ACK"], 0), this.seg(peer, ["ACK"], 0), this.seg(peer, ["FIN", "ACK"], 0), this.seg(closer, ["ACK"], 0)];
  }
}
