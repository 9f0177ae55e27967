/**
 * The topic taxonomy of the field: kebab-case slugs with the phrases that signal them.
 * "open-weight models", "open weights" and "open-source AI" all land on open-source-ai.
 * Aliases are matched on stemmed words, so plurals and verb forms need no listing.
 */
export interface TopicDef {
  slug: string;
  label: string;
  aliases: string[];
  parent?: string;
}

const t = (slug: string, label: string, aliases: string[], parent?: string): TopicDef => ({ slug, label, aliases, parent });

export const TAXONOMY: readonly TopicDef[] = [
  t('ai-policy', 'AI policy', ['ai policy', 'policymaker', 'policy maker', 'public policy']),
  t('open-source-ai', 'Open-source AI', ['open source ai', 'open-source ai', 'open-source model', 'open source model', 'open weight', 'open weights', 'open-weight', 'openly licensed', 'open model', 'open release']),
  t('ai-regulation', 'AI regulation', ['ai regulation', 'regulate ai', 'regulating ai', 'ai act', 'ai law', 'ai bill', 'rulemaking', 'regulator', 'compliance obligation', 'code of practice', 'ai rules', 'legislation', 'legislator', 'lawmaker'], 'ai-policy'),
  t('eu-ai-policy', 'EU AI policy', ['eu ai act', 'european commission', 'ai office', 'brussels', 'european parliament', 'member states'], 'ai-regulation'),
  t('us-ai-policy', 'US AI policy', ['executive order', 'white house', 'congress', 'senate', 'federal agency', 'federal preemption', 'ai action plan', 'commerce department', 'department of commerce', 'state law'], 'ai-regulation'),
  t('us-china-ai-competition', 'US–China AI competition', ['export control', 'chip export', 'us-china', 'china hawk', 'chinese lab', 'chinese model', 'entity list', 'ai race', 'beijing'], 'ai-policy'),
  t('ai-chips', 'AI chips and compute', ['gpu', 'chip', 'accelerator', 'semiconductor', 'tpu', 'nvidia', 'compute cluster', 'data center', 'datacenter', 'hbm', 'foundry', 'wafer']),
  t('ai-infrastructure', 'AI infrastructure and energy', ['data center', 'datacenter', 'gigawatt', 'power grid', 'electricity', 'energy demand', 'cooling', 'hyperscaler', 'capex', 'capital expenditure']),
  t('frontier-models', 'Frontier model releases', ['frontier model', 'new model', 'model release', 'flagship model', 'gpt-5', 'claude', 'gemini', 'llama', 'release the model', 'launches model', 'model card']),
  t('ai-agents', 'AI agents', ['agent', 'agentic', 'computer use', 'tool use', 'autonomous agent', 'browser agent', 'coding agent']),
  t('ai-coding', 'AI for coding', ['coding assistant', 'code generation', 'software engineering', 'swe-bench', 'coding agent', 'programmer', 'developer tool', 'copilot', 'pull request']),
  t('ai-safety', 'AI safety', ['ai safety', 'alignment', 'misalignment', 'catastrophic risk', 'red team', 'red-team', 'jailbreak', 'dangerous capability', 'safety framework', 'responsible scaling', 'frontier safety', 'bioweapon', 'deceptive']),
  t('ai-evaluation', 'Benchmarks and evaluation', ['benchmark', 'leaderboard', 'evaluation', 'eval', 'score on', 'state of the art', 'state-of-the-art', 'arena']),
  t('ai-research', 'AI research', ['paper', 'arxiv', 'researcher', 'study found', 'preprint', 'peer review', 'neurips', 'icml', 'iclr']),
  t('reasoning-models', 'Reasoning models', ['reasoning model', 'chain of thought', 'chain-of-thought', 'test-time compute', 'inference-time compute', 'thinking model', 'reasoning trace']),
  t('ai-funding', 'AI funding and deals', ['funding round', 'raised', 'valuation', 'series a', 'series b', 'series c', 'investor', 'venture capital', 'acquisition', 'acquire', 'ipo', 'tender offer']),
  t('ai-market-concentration', 'AI market concentration', ['market concentration', 'duopoly', 'monopoly', 'antitrust', 'competition authority', 'dominant position', 'anti-competitive', 'anticompetitive']),
  t('ai-copyright', 'AI and copyright', ['copyright', 'fair use', 'licensing deal', 'publisher', 'training data lawsuit', 'author lawsuit', 'infringement']),
  t('ai-and-jobs', 'AI and work', ['job', 'worker', 'labor market', 'labour market', 'employment', 'layoff', 'automation', 'unemployment', 'white-collar']),
  t('ai-in-education', 'AI in education', ['student', 'teacher', 'school', 'university', 'education', 'classroom', 'tutor']),
  t('ai-in-healthcare', 'AI in healthcare', ['patient', 'clinical', 'hospital', 'diagnosis', 'medical', 'drug discovery', 'health care', 'healthcare']),
  t('ai-privacy', 'AI and privacy', ['privacy', 'personal data', 'surveillance', 'gdpr', 'data protection', 'facial recognition']),
  t('ai-security', 'AI security', ['cybersecurity', 'prompt injection', 'vulnerability', 'exploit', 'attacker', 'malware', 'security flaw']),
  t('robotics', 'Robotics', ['robot', 'robotics', 'humanoid', 'embodied', 'self-driving', 'autonomous vehicle', 'robotaxi']),
  t('generative-media', 'Generative media', ['video generation', 'image generation', 'text-to-video', 'text-to-image', 'deepfake', 'synthetic media', 'voice clone', 'music generation']),
  t('ai-business', 'AI business', ['revenue', 'subscriber', 'enterprise customer', 'pricing', 'profit', 'earnings', 'quarterly', 'annual recurring revenue', 'business model']),
  t('ai-military', 'AI and defence', ['military', 'defense', 'defence', 'pentagon', 'weapon', 'national security', 'drone']),
  t('small-models', 'Small and efficient models', ['small model', 'on-device', 'edge device', 'distillation', 'quantization', 'efficient model', 'laptop']),
  t('ai-governance', 'AI governance', ['governance', 'oversight', 'audit', 'transparency report', 'accountability', 'standard body', 'international agreement', 'summit'], 'ai-policy'),
];
