/**
 * Builds rooms on our server through its public HTTP API, exactly as people do: a facilitator signs
 * up and creates a workshop, participants join by invite link (each gets a guest session cookie),
 * and the facilitator reveals every dimension so ratings flow into the workshop doc.
 */
export interface Member {
  memberId: string;
  /** `name=value` of the session cookie. */
  cookie: string;
}

export interface BenchRoom {
  workshopId: string;
  facilitator: Member;
  members: Member[];
}

export class OursApi {
  constructor(readonly origin: string) {}

  async request(
    method: string,
    path: string,
    opts: { body?: unknown; cookie?: string } = {},
  ): Promise<{ status: number; json: Record<string, unknown>; cookie: string | null }> {
    const headers: Record<string, string> = { origin: this.origin };
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    if (opts.cookie) headers.cookie = opts.cookie;
    const res = await fetch(this.origin + path, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    const text = await res.text();
    if (res.status >= 400) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 300)}`);
    const session = res.headers.getSetCookie().find((c) => /^(__Host-)?ler_session=[^;]+/.test(c));
    return {
      status: res.status,
      json: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      cookie: session ? session.split(';')[0]! : null,
    };
  }

  async createRoom(label: string, participants: number): Promise<BenchRoom> {
    const signup = await this.request('POST', '/api/auth/signup', {
      body: {
        email: `${label}@bench.invalid`,
        password: 'bench-password-not-secret',
        name: `Facilitator ${label}`,
      },
    });
    const facCookie = signup.cookie!;
    const created = await this.request('POST', '/api/workshops', {
      cookie: facCookie,
      body: { title: `Benchmark ${label}`, institution: 'Bench College' },
    });
    const workshopId = (created.json.workshop as { id: string }).id;
    const facilitator = { memberId: (created.json.me as { memberId: string }).memberId, cookie: facCookie };
    const invite = await this.request('POST', `/api/workshops/${workshopId}/invites`, {
      cookie: facCookie,
      body: { role: 'participant', maxUses: participants },
    });
    const token = invite.json.token as string;
    const members: Member[] = [];
    for (let i = 0; i < participants; i++) {
      const joined = await this.request('POST', `/api/invites/${token}/redeem`, {
        body: { name: `Member ${i + 1}` },
      });
      members.push({ memberId: joined.json.memberId as string, cookie: joined.cookie! });
    }
    await this.request('POST', `/api/workshops/${workshopId}/reveal`, {
      cookie: facCookie,
      body: { all: true },
    });
    return { workshopId, facilitator, members };
  }
}

/** Runs `fn` over items with at most `limit` in flight. */
export async function mapLimit<T, R>(
  items: T[],
  limit: number,
  fn: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}
