/**
 * The browser's side of passkeys (WebAuthn): the API sends the options as JSON with binary fields in
 * base64url; navigator.credentials wants ArrayBuffers, and its answer goes back as JSON the same way.
 * Written out here rather than taken from a library: it is these few conversions and nothing more.
 */

/** Whether this browser can use passkeys at all (a secure context with the WebAuthn API). */
export function passkeysSupported(): boolean {
  return typeof window !== 'undefined' && window.isSecureContext && typeof window.PublicKeyCredential === 'function' && !!navigator.credentials;
}

export function fromBase64url(s: string): ArrayBuffer {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4);
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes.buffer;
}

export function toBase64url(buf: ArrayBuffer | ArrayBufferView): string {
  const bytes = buf instanceof ArrayBuffer ? new Uint8Array(buf) : new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

interface CredentialRef {
  id: string;
  type?: string;
  transports?: string[];
}

const refs = (list: CredentialRef[] | undefined): PublicKeyCredentialDescriptor[] =>
  (list ?? []).map((c) => ({ id: fromBase64url(c.id), type: 'public-key', ...(c.transports ? { transports: c.transports as AuthenticatorTransport[] } : {}) }));

/** navigator.credentials.create() with the API's registration options; the answer as JSON for finishPasskeyRegistration. */
export async function createPasskey(optionsJson: string): Promise<string> {
  const o = JSON.parse(optionsJson) as Omit<PublicKeyCredentialCreationOptions, 'challenge' | 'user' | 'excludeCredentials'> & {
    challenge: string;
    user: { id: string; name: string; displayName: string };
    excludeCredentials?: CredentialRef[];
  };
  const publicKey: PublicKeyCredentialCreationOptions = {
    ...o,
    challenge: fromBase64url(o.challenge),
    user: { ...o.user, id: fromBase64url(o.user.id) },
    excludeCredentials: refs(o.excludeCredentials),
  };
  const cred = (await navigator.credentials.create({ publicKey })) as PublicKeyCredential | null;
  if (!cred) throw new Error('no credential');
  const r = cred.response as AuthenticatorAttestationResponse;
  return JSON.stringify({
    id: cred.id,
    rawId: toBase64url(cred.rawId),
    type: cred.type,
    response: {
      clientDataJSON: toBase64url(r.clientDataJSON),
      attestationObject: toBase64url(r.attestationObject),
      transports: typeof r.getTransports === 'function' ? r.getTransports() : [],
    },
    clientExtensionResults: cred.getClientExtensionResults(),
    authenticatorAttachment: cred.authenticatorAttachment ?? undefined,
  });
}

/** navigator.credentials.get() with the API's sign-in options; the answer as JSON for finishPasskeySignIn. */
export async function usePasskey(optionsJson: string): Promise<string> {
  const o = JSON.parse(optionsJson) as Omit<PublicKeyCredentialRequestOptions, 'challenge' | 'allowCredentials'> & {
    challenge: string;
    allowCredentials?: CredentialRef[];
  };
  const publicKey: PublicKeyCredentialRequestOptions = { ...o, challenge: fromBase64url(o.challenge), allowCredentials: refs(o.allowCredentials) };
  const cred = (await navigator.credentials.get({ publicKey })) as PublicKeyCredential | null;
  if (!cred) throw new Error('no credential');
  const r = cred.response as AuthenticatorAssertionResponse;
  return JSON.stringify({
    id: cred.id,
    rawId: toBase64url(cred.rawId),
    type: cred.type,
    response: {
      clientDataJSON: toBase64url(r.clientDataJSON),
      authenticatorData: toBase64url(r.authenticatorData),
      signature: toBase64url(r.signature),
      ...(r.userHandle ? { userHandle: toBase64url(r.userHandle) } : {}),
    },
    clientExtensionResults: cred.getClientExtensionResults(),
    authenticatorAttachment: cred.authenticatorAttachment ?? undefined,
  });
}
