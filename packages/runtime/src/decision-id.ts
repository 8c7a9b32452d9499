// A determination's decision id: a random UUID (version 4), from the platform's cryptographic random
// numbers (crypto.randomUUID in Node and secure pages; crypto.getRandomValues where a page is not
// secure, e.g. served over plain http).

const hex = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function newDecisionId(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => hex[x]!);
  return `${h.slice(0, 4).join('')}-${h.slice(4, 6).join('')}-${h.slice(6, 8).join('')}-${h.slice(8, 10).join('')}-${h.slice(10).join('')}`;
}
