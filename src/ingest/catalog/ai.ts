import type { NewSource } from '../../store/sources.js';

/**
 * A starting catalog of sources on AI: labs' own blogs (tier 1), top outlets (tier 1),
 * expert newsletters and analysts (tier 2), and paper feeds (tier 3). Loaded by
 * `almanac init --catalog ai`; only feeds that publish a real RSS/Atom feed are listed.
 */
export const AI_CATALOG: NewSource[] = [
  { id: 'openai', name: 'OpenAI News', homeUrl: 'https://openai.com/news/', feedUrl: 'https://openai.com/news/rss.xml', kind: 'lab', tier: 1 },
  { id: 'google-deepmind', name: 'Google DeepMind Blog', homeUrl: 'https://deepmind.google/discover/blog/', feedUrl: 'https://deepmind.google/blog/rss.xml', kind: 'lab', tier: 1 },
  { id: 'google-research', name: 'Google Research Blog', homeUrl: 'https://research.google/blog/', feedUrl: 'https://research.google/blog/rss/', kind: 'lab', tier: 1 },
  { id: 'hugging-face', name: 'Hugging Face Blog', homeUrl: 'https://huggingface.co/blog', feedUrl: 'https://huggingface.co/blog/feed.xml', kind: 'lab', tier: 1 },
  { id: 'microsoft-research', name: 'Microsoft Research Blog', homeUrl: 'https://www.microsoft.com/en-us/research/blog/', feedUrl: 'https://www.microsoft.com/en-us/research/feed/', kind: 'lab', tier: 1 },
  { id: 'nvidia', name: 'NVIDIA Blog', homeUrl: 'https://blogs.nvidia.com/', feedUrl: 'https://blogs.nvidia.com/feed/', kind: 'lab', tier: 1 },
  { id: 'apple-ml', name: 'Apple Machine Learning Research', homeUrl: 'https://machinelearning.apple.com/', feedUrl: 'https://machinelearning.apple.com/rss.xml', kind: 'lab', tier: 1 },
  { id: 'aws-ml', name: 'AWS Machine Learning Blog', homeUrl: 'https://aws.amazon.com/blogs/machine-learning/', feedUrl: 'https://aws.amazon.com/blogs/machine-learning/feed/', kind: 'lab', tier: 2 },
  { id: 'bair', name: 'Berkeley AI Research Blog', homeUrl: 'https://bair.berkeley.edu/blog/', feedUrl: 'https://bair.berkeley.edu/blog/feed.xml', kind: 'lab', tier: 2 },
  { id: 'mit-tech-review-ai', name: 'MIT Technology Review (AI)', homeUrl: 'https://www.technologyreview.com/topic/artificial-intelligence/', feedUrl: 'https://www.technologyreview.com/topic/artificial-intelligence/feed', kind: 'news', tier: 1 },
  { id: 'the-verge-ai', name: 'The Verge (AI)', homeUrl: 'https://www.theverge.com/ai-artificial-intelligence', feedUrl: 'https://www.theverge.com/rss/ai-artificial-intelligence/index.xml', kind: 'news', tier: 1 },
  { id: 'ars-technica-ai', name: 'Ars Technica (AI)', homeUrl: 'https://arstechnica.com/ai/', feedUrl: 'https://arstechnica.com/ai/feed/', kind: 'news', tier: 1 },
  { id: 'techcrunch-ai', name: 'TechCrunch (AI)', homeUrl: 'https://techcrunch.com/category/artificial-intelligence/', feedUrl: 'https://techcrunch.com/category/artificial-intelligence/feed/', kind: 'news', tier: 1 },
  { id: 'venturebeat-ai', name: 'VentureBeat (AI)', homeUrl: 'https://venturebeat.com/category/ai/', feedUrl: 'https://venturebeat.com/category/ai/feed/', kind: 'news', tier: 2 },
  { id: 'interconnects', name: 'Interconnects', author: 'Nathan Lambert', homeUrl: 'https://www.interconnects.ai/', feedUrl: 'https://www.interconnects.ai/feed', kind: 'newsletter', tier: 2 },
  { id: 'import-ai', name: 'Import AI', author: 'Jack Clark', homeUrl: 'https://importai.substack.com/', feedUrl: 'https://importai.substack.com/feed', kind: 'newsletter', tier: 2 },
  { id: 'simon-willison', name: "Simon Willison's Weblog", author: 'Simon Willison', homeUrl: 'https://simonwillison.net/', feedUrl: 'https://simonwillison.net/atom/everything/', kind: 'analyst', tier: 2 },
  { id: 'stratechery', name: 'Stratechery', author: 'Ben Thompson', homeUrl: 'https://stratechery.com/', feedUrl: 'https://stratechery.com/feed/', kind: 'analyst', tier: 2 },
  { id: 'one-useful-thing', name: 'One Useful Thing', author: 'Ethan Mollick', homeUrl: 'https://www.oneusefulthing.org/', feedUrl: 'https://www.oneusefulthing.org/feed', kind: 'newsletter', tier: 2 },
  { id: 'latent-space', name: 'Latent Space', author: 'swyx & Alessio', homeUrl: 'https://www.latent.space/', feedUrl: 'https://www.latent.space/feed', kind: 'podcast', tier: 2 },
  { id: 'ahead-of-ai', name: 'Ahead of AI', author: 'Sebastian Raschka', homeUrl: 'https://magazine.sebastianraschka.com/', feedUrl: 'https://magazine.sebastianraschka.com/feed', kind: 'newsletter', tier: 2 },
  { id: 'lilian-weng', name: "Lil'Log", author: 'Lilian Weng', homeUrl: 'https://lilianweng.github.io/', feedUrl: 'https://lilianweng.github.io/index.xml', kind: 'analyst', tier: 2 },
  { id: 'gary-marcus', name: 'Marcus on AI', author: 'Gary Marcus', homeUrl: 'https://garymarcus.substack.com/', feedUrl: 'https://garymarcus.substack.com/feed', kind: 'analyst', tier: 2 },
  { id: 'ai-snake-oil', name: 'AI as Normal Technology', author: 'Arvind Narayanan & Sayash Kapoor', homeUrl: 'https://www.aisnakeoil.com/', feedUrl: 'https://www.aisnakeoil.com/feed', kind: 'analyst', tier: 2 },
  { id: 'eu-ai-act-newsletter', name: 'The EU AI Act Newsletter', homeUrl: 'https://artificialintelligenceact.substack.com/', feedUrl: 'https://artificialintelligenceact.substack.com/feed', kind: 'policy', tier: 2 },
  { id: 'cset', name: 'CSET (Georgetown)', homeUrl: 'https://cset.georgetown.edu/', feedUrl: 'https://cset.georgetown.edu/feed/', kind: 'policy', tier: 2 },
  { id: 'arxiv-cs-cl', name: 'arXiv cs.CL', homeUrl: 'https://arxiv.org/list/cs.CL/recent', feedUrl: 'https://rss.arxiv.org/rss/cs.CL', kind: 'paper', tier: 3 },
  { id: 'arxiv-cs-lg', name: 'arXiv cs.LG', homeUrl: 'https://arxiv.org/list/cs.LG/recent', feedUrl: 'https://rss.arxiv.org/rss/cs.LG', kind: 'paper', tier: 3 },
];
