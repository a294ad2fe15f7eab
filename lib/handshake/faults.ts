// Fault injection: deliberate misbehaviour of one endpoint, so the demo (and the tests) can show the
// alert a correct peer answers with. Each fault changes bytes the way an attacker or a bug would;
// the peer's reaction is never simulated, it is computed by the peer's own checks.

export interface Faults {
  /** Flip a bit of our Finished verify_data before it is protected: the peer answers decrypt_error(51). */
  alterFinished?: boolean;
  /**
   * Flip a bit of the ciphertext (CBC: the MAC inside it; AEAD: the tag) of the first protected record of
   * this content type we send: the peer answers bad_record_mac(20).
   */
  tamperRecord?: "handshake" | "application_data";
  /** CBC suites: the first protected record we send has a correct MAC but wrong padding bytes: the peer must
   * still answer bad_record_mac(20), the same as for a MAC error (no padding oracle). */
  badPadding?: boolean;
  /** Replace an outgoing handshake message body before it is sent and added to the transcript. */
  rewriteHandshake?: (type: number, body: Uint8Array) => Uint8Array;
}

export type FaultName = keyof Faults;
