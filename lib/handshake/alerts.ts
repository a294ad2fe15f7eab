// Alert protocol, RFC 5246 section 7.2 and RFC 8446 section 6.

export const AlertLevel = { warning: 1, fatal: 2 } as const;

export const AlertDescription = {
  close_notify: 0,
  unexpected_message: 10,
  bad_record_mac: 20,
  record_overflow: 22,
  handshake_failure: 40,
  bad_certificate: 42,
  unsupported_certificate: 43,
  certificate_revoked: 44,
  certificate_expired: 45,
  certificate_unknown: 46,
  illegal_parameter: 47,
  unknown_ca: 48,
  access_denied: 49,
  decode_error: 50,
  decrypt_error: 51,
  protocol_version: 70,
  insufficient_security: 71,
  internal_error: 80,
  inappropriate_fallback: 86,
  user_canceled: 90,
  no_renegotiation: 100,
  missing_extension: 109,
  unsupported_extension: 110,
  unrecognized_name: 112,
  bad_certificate_status_response: 113,
  unknown_psk_identity: 115,
  certificate_required: 116,
  no_application_protocol: 120,
} as const;

export type AlertName = keyof typeof AlertDescription;

export function alertName(code: number): AlertName | `unknown(${number})` {
  for (const [name, value] of Object.entries(AlertDescription)) if (value === code) return name as AlertName;
  return `unknown(${code})`;
}

/**
 * A fatal protocol failure with the alert the spec says to send. Handshake code throws it; the
 * endpoint catches it, sends the alert record and moves to the "failed" state.
 */
export class TlsAlert extends Error {
  readonly code: number;
  constructor(
    readonly description: AlertName,
    readonly reason: string,
  ) {
    super(`${description}(${AlertDescription[description]}): ${reason}`);
    this.name = "TlsAlert";
    this.code = AlertDescription[description];
  }
}

/** The two-byte Alert body: level, description. */
export function encodeAlert(description: AlertName, level: "warning" | "fatal" = "fatal"): Uint8Array {
  return new Uint8Array([AlertLevel[level], AlertDescription[description]]);
}
