import { LlmError, type LlmClient, type LlmRequest, type LlmResponse } from './client.js';
import type { PostJson } from './transport.js';

/**
 * OpenAI-compatible Chat Completions: OpenAI, Ollama, vLLM, llama.cpp server, LM Studio,
 * OpenRouter. Asks for JSON-schema structured output; a server that rejects it (400 that
 * names response_format) is asked again in JSON mode, then with no constraint, and the
 * client remembers what worked.
 */
type Mode = 'schema' | 'json' | 'plain';

export function openAiClient(o: { baseUrl: string; model: string; apiKey?: string; post: PostJson }): LlmClient {
  const url = o.baseUrl.replace(/\/+$/, '') + '/chat/completions';
  const headers: Record<string, string> = o.apiKey ? { authorization: `Bearer ${o.apiKey}` } : {};
  let mode: Mode = 'schema';
  const body = (req: LlmRequest, m: Mode) => ({
    model: o.model,
    temperature: 0,
    max_tokens: req.maxTokens,
    messages: [
      { role: 'system', content: req.system },
      { role: 'user', content: req.user },
    ],
    ...(m === 'schema' && req.schema
      ? {
          response_format: {
            type: 'json_schema',
            json_schema: { name: req.schema.name, schema: req.schema.schema, strict: false },
          },
        }
      : {}),
    ...(m === 'json' ? { response_format: { type: 'json_object' } } : {}),
  });
  return {
    provider: 'openai',
    model: o.model,
    async complete(req: LlmRequest): Promise<LlmResponse> {
      for (;;) {
        let raw: unknown;
        try {
          raw = await o.post(url, headers, body(req, mode));
        } catch (e) {
          const err = e as LlmError;
          if (
            err instanceof LlmError &&
            /HTTP 400/.test(err.message) &&
            /response_format|json_schema|json_object/i.test(err.message) &&
            mode !== 'plain'
          ) {
            mode = mode === 'schema' ? 'json' : 'plain';
            continue;
          }
          throw e;
        }
        const r = raw as {
          choices?: { message?: { content?: string | null } }[];
          usage?: { prompt_tokens?: number; completion_tokens?: number };
          model?: string;
        };
        const text = r.choices?.[0]?.message?.content;
        if (typeof text !== 'string')
          throw new LlmError('the model server answered without choices[0].message.content', false);
        return {
          text,
          tokensIn: r.usage?.prompt_tokens ?? 0,
          tokensOut: r.usage?.completion_tokens ?? 0,
          model: r.model ?? o.model,
        };
      }
    },
  };
}
