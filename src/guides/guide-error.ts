/** A guide that cannot be made or found as asked (bad query, taken slug, unknown guide). */
export class GuideError extends Error {
  override name = 'GuideError';
}
