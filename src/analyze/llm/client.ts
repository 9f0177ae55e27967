/**
 * The one interface the extractor needs from a language model: a system and a user
 * message in, text out, with the tokens it cost. Two implementations: OpenAI-compatible
 * Chat Completions and Anthropic Messages.
 */
export interface LlmRequest {
  system: string;
  user: string;
  /** JSON Schema of the answer, for servers that can enforce it. */
  schema?: { name: string; schema: object };
  maxTokens: number;
}

export interface LlmResponse {
  text: string;
  tokensIn: number;
  tokensOut: number;
  model: string;
}

export interface LlmClient {
  readonly provider: 'openai' | 'anthropic';
  readonly model: string;
  complete(req: LlmRequest): Promise<LlmResponse>;
}

export class LlmError extends Error {
  override name = 'LlmError';
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}
