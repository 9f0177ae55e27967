import { LlmError, type LlmClient, type LlmRequest, type LlmResponse } from './client.js';
import type { PostJson } from './transport.js';

/** Anthropic Messages API: system prompt apart, text blocks in the answer, usage in tokens. */
export function anthropicClient(o: { baseUrl: string; model: string; apiKey?: string; post: PostJson }): LlmClient {
  const base = o.baseUrl.replace(/\/+$/, '');
  const url = base.endsWith('/v1') ? `${base}/messages` : `${base}/v1/messages`;
  const headers: Record<string, string> = {
    'anthropic-version': '2023-06-01',
    ...(o.apiKey ? { 'x-api-key': o.apiKey } : {}),
  };
  return {
    provider: 'anthropic',
    model: o.model,
    async complete(req: LlmRequest): Promise<LlmResponse> {
      const raw = (await o.post(url, headers, {
        model: o.model,
        max_tokens: req.maxTokens,
        temperature: 0,
        system: req.system,
        messages: [{ role: 'user', content: req.user }],
      })) as {
        content?: { type: string; text?: string }[];
        usage?: { input_tokens?: number; output_tokens?: number };
        model?: string;
      };
      const text = (raw.content ?? [])
        .filter((b) => b.type === 'text' && typeof b.text === 'string')
        .map((b) => b.text)
        .join('');
      if (!raw.content) throw new LlmError('the model server answered without content', false);
      return {
        text,
        tokensIn: raw.usage?.input_tokens ?? 0,
        tokensOut: raw.usage?.output_tokens ?? 0,
        model: raw.model ?? o.model,
      };
    },
  };
}
