// TLS 1.2 session-ID resumption state (RFC 5246 7.3 and 7.4.1.2). The server keys sessions by
// session ID, the client by server name; both keep the master secret and the cipher suite.

export interface Session12 {
  id: Uint8Array;
  masterSecret: Uint8Array;
  cipherSuite: number;
  serverName?: string;
  createdAt: number;
}

export class SessionCache {
  private readonly sessions = new Map<string, Session12>();
  constructor(
    /** Lifetime in milliseconds; RFC 5246 suggests at most 24 hours. */
    readonly lifetime = 3_600_000,
    readonly capacity = 1000,
  ) {}

  get(key: string, now = Date.now()): Session12 | undefined {
    const s = this.sessions.get(key);
    if (s && now - s.createdAt > this.lifetime) {
      this.sessions.delete(key);
      return undefined;
    }
    return s;
  }

  set(key: string, session: Session12): void {
    if (this.sessions.size >= this.capacity) {
      const oldest = this.sessions.keys().next().value;
      if (oldest !== undefined) this.sessions.delete(oldest);
    }
    this.sessions.set(key, session);
  }

  delete(key: string): void {
    this.sessions.delete(key);
  }

  get size(): number {
    return this.sessions.size;
  }
}
