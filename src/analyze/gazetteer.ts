/**
 * Names of the field that a general tagger misses or mistypes: labs and companies, models
 * and products, regulators, laws and policies, people, places. Aliases map onto one name.
 */
export type EntityType = 'organization' | 'person' | 'product' | 'law' | 'place';

export interface GazetteerEntry {
  name: string;
  type: EntityType;
  aliases?: string[];
}

const org = (name: string, ...aliases: string[]): GazetteerEntry => ({ name, type: 'organization', aliases });
const person = (name: string, ...aliases: string[]): GazetteerEntry => ({ name, type: 'person', aliases });
const product = (name: string, ...aliases: string[]): GazetteerEntry => ({ name, type: 'product', aliases });
const law = (name: string, ...aliases: string[]): GazetteerEntry => ({ name, type: 'law', aliases });
const place = (name: string, ...aliases: string[]): GazetteerEntry => ({ name, type: 'place', aliases });

export const GAZETTEER: readonly GazetteerEntry[] = [
  org('OpenAI'), org('Anthropic'), org('Google DeepMind', 'DeepMind'), org('Google'), org('Meta', 'Meta AI', 'Facebook'), org('Microsoft'),
  org('Mistral AI', 'Mistral'), org('xAI'), org('DeepSeek'), org('Alibaba'), org('Moonshot AI', 'Moonshot'), org('Zhipu AI', 'Zhipu'),
  org('Nvidia', 'NVIDIA'), org('AMD'), org('Intel'), org('Apple'), org('Amazon', 'AWS', 'Amazon Web Services'), org('Hugging Face'),
  org('Cohere'), org('Stability AI'), org('Midjourney'), org('Perplexity'), org('Character.AI'), org('Safe Superintelligence', 'SSI'),
  org('Thinking Machines Lab', 'Thinking Machines'), org('Allen Institute for AI', 'Allen Institute', 'Ai2', 'AI2'), org('EleutherAI'), org('Baidu'), org('Tencent'),
  org('ByteDance'), org('Samsung'), org('TSMC'), org('ASML'), org('Huawei'), org('SoftBank'), org('Oracle'), org('CoreWeave'), org('IBM'),
  org('Salesforce'), org('Databricks'), org('Scale AI'), org('Reflection AI'), org('Sakana AI'), org('Black Forest Labs'), org('Runway'),
  org('European Commission', 'the Commission'), org('European Parliament'), org('Council of the EU', 'EU Council'), org('AI Office', 'EU AI Office'),
  org('Federal Trade Commission', 'FTC'), org('Securities and Exchange Commission', 'SEC'), org('NIST'), org('Department of Commerce', 'Commerce Department'),
  org('Bureau of Industry and Security', 'BIS'), org('White House'), org('Congress'), org('US Senate', 'Senate'), org('House of Representatives'),
  org('Department of Defense', 'Pentagon', 'Department of War'), org('UK AI Security Institute', 'AI Security Institute', 'AI Safety Institute', 'AISI'),
  org('Center for AI Standards and Innovation', 'CAISI'), org('Competition and Markets Authority', 'CMA'), org('Ofcom'), org('Cyberspace Administration of China', 'CAC'),
  org('United Nations', 'UN'), org('OECD'), org('Supreme Court'), org('Stanford University', 'Stanford'), org('MIT'), org('Epoch AI'), org('METR'),
  org('Arxiv', 'arXiv'), org('GitHub'), org('Cursor', 'Anysphere'), org('Figure AI'), org('Waymo'), org('Tesla'),
  product('ChatGPT'), product('GPT-5'), product('GPT-4o'), product('GPT-4'), product('o3'), product('Claude'), product('Gemini'), product('Llama'),
  product('Qwen'), product('DeepSeek-R1', 'R1'), product('DeepSeek-V3'), product('Grok'), product('Sora'), product('Veo'), product('Gemma'),
  product('Kimi'), product('Mixtral'), product('Copilot', 'GitHub Copilot'), product('Stable Diffusion'), product('OLMo'), product('Phi'),
  product('Claude Code'), product('Codex'), product('Blackwell'), product('H100'), product('H20'), product('TPU'), product('Trainium'),
  law('EU AI Act', 'AI Act', 'Artificial Intelligence Act'), law('GDPR'), law('Digital Services Act', 'DSA'), law('Digital Markets Act', 'DMA'),
  law('CHIPS Act', 'CHIPS and Science Act'), law('SB 1047'), law('SB 53'), law('RAISE Act'), law('Code of Practice', 'General-Purpose AI Code of Practice'),
  law('executive order', 'Executive Order'), law('export controls', 'export control', 'AI diffusion rule'), law('AI Action Plan'),
  person('Sam Altman', 'Altman'), person('Dario Amodei', 'Amodei'), person('Demis Hassabis', 'Hassabis'), person('Sundar Pichai', 'Pichai'),
  person('Satya Nadella', 'Nadella'), person('Mark Zuckerberg', 'Zuckerberg'), person('Elon Musk', 'Musk'), person('Jensen Huang'),
  person('Yann LeCun', 'LeCun'), person('Geoffrey Hinton', 'Hinton'), person('Yoshua Bengio', 'Bengio'), person('Fei-Fei Li'), person('Andrej Karpathy', 'Karpathy'),
  person('Ilya Sutskever', 'Sutskever'), person('Mira Murati', 'Murati'), person('Mustafa Suleyman', 'Suleyman'), person('Arthur Mensch'), person('Liang Wenfeng'),
  person('Nathan Lambert'), person('Gary Marcus'), person('Donald Trump', 'Trump', 'President Trump'), person('Xi Jinping'), person('Gavin Newsom', 'Newsom'),
  person('Ursula von der Leyen', 'von der Leyen'), person('Lisa Su'), person('Greg Brockman', 'Brockman'), person('Jack Clark'),
  place('United States', 'US', 'U.S.', 'USA', 'America'), place('China', 'PRC'), place('European Union', 'EU'), place('Europe'), place('United Kingdom', 'UK', 'U.K.', 'Britain'),
  place('Brussels'), place('Washington'), place('Beijing'), place('California'), place('New York'), place('India'), place('Japan'), place('France'), place('Paris'),
  place('Germany'), place('Taiwan'), place('South Korea', 'Korea'), place('Canada'), place('Singapore'), place('London'), place('San Francisco'), place('Texas'),
  place('Saudi Arabia'), place('United Arab Emirates', 'UAE'),
];
